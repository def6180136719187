using DataTier.Cache.Keyspace;

namespace DataTier.Cache;

/// <summary>A shard's numbers for INFO.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardInfo(
    [property: Id(0)] long Keys,
    [property: Id(1)] long Expires,
    [property: Id(2)] long UsedBytes,
    [property: Id(3)] ShardCounters Counters,
    [property: Id(4)] long ReplicationSeq = 0,
    [property: Id(5)] Replication.ReplicaProgress[]? Replicas = null);
