using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>
/// [mcslabs]: a shard's strings (the items memcached clients see) by memcached slab class (see
/// <see cref="MemcachedSlabClasses"/>), for <c>stats items</c> and <c>stats slabs</c>. The reply holds, for each class that
/// has items or chunks, five integers: the class, its items, their bytes as memcached counts them, the last access (Unix
/// milliseconds) of its least recently used item (0 without items), and the chunks of any item that fall in the class.
/// </summary>
public static class MemcachedItemTally
{
    public const int Fields = 5;

    public static CacheReply Tally(CacheKeyspace ks)
    {
        var classes = MemcachedSlabClasses.Largest + 1;
        var items = new long[classes];
        var bytes = new long[classes];
        var oldest = new long[classes];
        var chunks = new long[classes];
        foreach (var entry in ks.Entries)
        {
            if (entry.Value is not byte[] value) continue;
            var size = MemcachedSlabClasses.ItemSize(entry.Key.Length, entry.Flags, value.Length);
            var id = MemcachedSlabClasses.ClassOf(size);
            items[id]++;
            bytes[id] += size;
            if (oldest[id] == 0 || entry.LastAccess < oldest[id]) oldest[id] = entry.LastAccess;
            foreach (var chunk in MemcachedSlabClasses.ChunkClasses(entry.Key.Length, entry.Flags, value.Length)) chunks[chunk]++;
        }
        var rows = new List<CacheReply>();
        for (var id = 1; id < classes; id++)
        {
            if (items[id] == 0 && chunks[id] == 0) continue;
            rows.AddRange([CacheReply.Int(id), CacheReply.Int(items[id]), CacheReply.Int(bytes[id]), CacheReply.Int(oldest[id]), CacheReply.Int(chunks[id])]);
        }
        return CacheReply.Array([.. rows]);
    }
}
