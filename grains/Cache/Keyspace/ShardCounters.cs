namespace DataTier.Cache.Keyspace;

/// <summary>What a shard counts for INFO stats; travels with the shard when it moves.</summary>
[GenerateSerializer]
public sealed class ShardCounters
{
    [Id(0)] public long Hits { get; set; }
    [Id(1)] public long Misses { get; set; }
    [Id(2)] public long ExpiredKeys { get; set; }
    [Id(3)] public long EvictedKeys { get; set; }

    /// <summary>memcached's get_expired: a memcached command found its item expired.</summary>
    [Id(4)] public long GetExpired { get; set; }

    /// <summary>memcached's get_flushed: a memcached command found its item made invalid by flush_all.</summary>
    [Id(5)] public long GetFlushed { get; set; }

    public void Add(ShardCounters other)
    {
        Hits += other.Hits;
        Misses += other.Misses;
        ExpiredKeys += other.ExpiredKeys;
        EvictedKeys += other.EvictedKeys;
        GetExpired += other.GetExpired;
        GetFlushed += other.GetFlushed;
    }
}
