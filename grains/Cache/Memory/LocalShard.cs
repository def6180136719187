using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Memory;

/// <summary>A shard active on this silo: its index, grain and keyspace.</summary>
public sealed record LocalShard(int Index, GrainId GrainId, ICacheShardGrain Grain, CacheKeyspace Keyspace);
