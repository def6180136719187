using System.Globalization;
using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Memcached;

/// <summary>
/// <c>stats items</c> and <c>stats slabs</c>: the whole cache's strings by memcached's default slab classes (see
/// <see cref="MemcachedSlabClasses"/>), with memcached 1.6's names in its order. Only the figures the items themselves
/// give are reported: memcached's LRU segments, per-class eviction and reclaim counters, per-class command hits and its
/// page accounting (total_pages, free_chunks, total_malloced) depend on its allocator's history and are left out.
/// </summary>
public static class MemcachedSlabStats
{
    public static async Task<List<(string Name, string Value)>> ItemsAsync(CacheRouter router, TimeProvider time)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var group = new List<(string, string)>();
        foreach (var (id, c) in await TallyAsync(router))
        {
            if (c.Items == 0) continue;
            group.Add(($"items:{id}:number", Number(c.Items)));
            group.Add(($"items:{id}:age", Number(Math.Max(0, now - c.OldestAccess) / 1000)));
            group.Add(($"items:{id}:mem_requested", Number(c.Bytes)));
        }
        return group;
    }

    public static async Task<List<(string Name, string Value)>> SlabsAsync(CacheRouter router)
    {
        var group = new List<(string, string)>();
        var active = 0;
        foreach (var (id, c) in await TallyAsync(router))
        {
            group.Add(($"{id}:chunk_size", Number(MemcachedSlabClasses.ChunkSize(id))));
            group.Add(($"{id}:chunks_per_page", Number(MemcachedSlabClasses.ChunksPerPage(id))));
            group.Add(($"{id}:used_chunks", Number(c.Chunks)));
            active++;
        }
        group.Add(("active_slabs", Number(active)));
        return group;
    }

    /// <summary>Every shard's tally (see <see cref="MemcachedItemTally"/>) summed by class, in class order.</summary>
    private static async Task<SortedDictionary<int, SlabClassTotals>> TallyAsync(CacheRouter router)
    {
        var classes = new SortedDictionary<int, SlabClassTotals>();
        foreach (var reply in await router.OnAllShards(new ShardCommand(CommandId.McSlabs, ["mcslabs"u8.ToArray()])))
        {
            var rows = reply.Items ?? [];
            for (var i = 0; i + MemcachedItemTally.Fields <= rows.Length; i += MemcachedItemTally.Fields)
            {
                var id = (int)rows[i].Integer;
                if (!classes.TryGetValue(id, out var c)) classes[id] = c = new SlabClassTotals();
                c.Items += rows[i + 1].Integer;
                c.Bytes += rows[i + 2].Integer;
                var oldest = rows[i + 3].Integer;
                if (oldest != 0 && (c.OldestAccess == 0 || oldest < c.OldestAccess)) c.OldestAccess = oldest;
                c.Chunks += rows[i + 4].Integer;
            }
        }
        return classes;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
