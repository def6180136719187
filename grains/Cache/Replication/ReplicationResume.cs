namespace DataTier.Cache.Replication;

/// <summary>
/// Where a shard's replication stood when the shard migrated with its keys: the owner epoch, the sequence number of
/// the last change drained, and the keys changed since (or a flush). The next activation numbers on from there in the
/// same epoch, so replicas that have what was drained take only the rest as a delta instead of a full copy.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReplicationResume(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long Seq,
    [property: Id(2)] List<byte[]> Pending,
    [property: Id(3)] bool Flushed);
