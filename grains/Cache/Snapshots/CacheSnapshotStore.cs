using System.Buffers.Binary;
using DataTier.Model;
using DataTier.Store;

namespace DataTier.Cache.Snapshots;

/// <summary>
/// Shard snapshots in the table store, under a reserved table id. Each save writes a new generation
/// of chunks (at most <see cref="ChunkBytes"/> each, so any store's item limit holds), then switches
/// the shard's manifest to it with a version-conditional write, then removes older chunks: a crash
/// mid-save leaves the previous snapshot whole.
/// </summary>
public sealed class CacheSnapshotStore(ITableStore store)
{
    public static readonly Guid TableId = new("63616368-6573-4000-8000-736e61707368");
    public const int ChunkBytes = 256 * 1024;

    public async Task SaveAsync(int shard, byte[] data, long savedAtMs)
    {
        var manifest = await store.GetAsync(TableId, ManifestKey(shard));
        var generation = manifest is null ? 1 : long.Parse(manifest.Attributes["g"].Text!) + 1;
        var chunks = (data.Length + ChunkBytes - 1) / ChunkBytes;
        for (var i = 0; i < chunks; i++)
        {
            var slice = data.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, data.Length - i * ChunkBytes)).ToArray();
            await store.WriteAsync(TableId, [new ItemWrite(ChunkKey(shard, generation, i), 0, 1, new Dictionary<string, AttrValue> { ["d"] = AttrValue.FromB(slice) })]);
        }
        var record = new Dictionary<string, AttrValue>
        {
            ["g"] = AttrValue.FromN(generation),
            ["n"] = AttrValue.FromN(chunks),
            ["t"] = AttrValue.FromN(savedAtMs),
        };
        await store.WriteAsync(TableId, [new ItemWrite(ManifestKey(shard), manifest?.Version ?? 0, (manifest?.Version ?? 0) + 1, record)]);
        await RemoveChunksAsync(shard, keep: generation);
    }

    /// <summary>The shard's latest snapshot, or null when it has none.</summary>
    public async Task<byte[]?> LoadAsync(int shard)
    {
        var manifest = await store.GetAsync(TableId, ManifestKey(shard));
        if (manifest is null) return null;
        var generation = long.Parse(manifest.Attributes["g"].Text!);
        var chunks = int.Parse(manifest.Attributes["n"].Text!);
        using var data = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            var chunk = await store.GetAsync(TableId, ChunkKey(shard, generation, i))
                ?? throw new InvalidDataException($"Cache snapshot of shard {shard} is missing chunk {i} of generation {generation}");
            data.Write(chunk.Attributes["d"].Bytes!);
        }
        return data.ToArray();
    }

    private async Task RemoveChunksAsync(int shard, long keep)
    {
        var prefix = ShardPrefix(shard);
        var range = new KeyRange(prefix, true, Keys.KeyBytes.PrefixSuccessor(prefix), false);
        await foreach (var batch in store.PagesAsync(TableId, range, 64))
        {
            var stale = batch.Where(c => c.Position.Length > 3 && BinaryPrimitives.ReadInt64BigEndian(c.Position.AsSpan(3)) != keep).ToList();
            foreach (var chunk in stale) await store.WriteAsync(TableId, [new ItemWrite(chunk.Position, chunk.Version, 0, null)]);
        }
    }

    private static byte[] ShardPrefix(int shard) => [(byte)'c', (byte)(shard >> 8), (byte)shard];

    private static byte[] ManifestKey(int shard) => ShardPrefix(shard);

    private static byte[] ChunkKey(int shard, long generation, int chunk)
    {
        var key = new byte[3 + 8 + 4];
        ShardPrefix(shard).CopyTo(key, 0);
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(3), generation);
        BinaryPrimitives.WriteInt32BigEndian(key.AsSpan(11), chunk);
        return key;
    }
}
