namespace DataTier.Cache;

/// <summary>
/// The cache keyspace: 16384 slots (as Redis Cluster), cut into <see cref="ShardCount"/> equal,
/// contiguous slot ranges; each range is one <see cref="ICacheShardGrain"/> keyed by its index and
/// placed on the consistent-hash ring like a table partition. 128 shards of 128 slots each keeps a
/// silo's share even (about 1/N of the shards each on N silos), moves about 1/N of them when the
/// Nth silo joins, and keeps fan-out commands (KEYS, SCAN, DBSIZE) to a bounded number of calls.
/// The number is fixed: every silo and client must agree on it.
/// </summary>
public static class CacheSlots
{
    public const int SlotCount = 16384;
    public const int ShardCount = 128;
    public const int SlotsPerShard = SlotCount / ShardCount;

    public static int ShardOf(int slot) => slot / SlotsPerShard;

    public static int ShardOfKey(ReadOnlySpan<byte> key) => ShardOf(SlotHash.SlotOf(key));

    public static int FirstSlot(int shard) => shard * SlotsPerShard;

    public static int LastSlot(int shard) => (shard + 1) * SlotsPerShard - 1;
}
