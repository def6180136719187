namespace DataTier.Cache.Replication;

/// <summary>
/// What an owner shard sends its replicas: the changes with sequence numbers after
/// <see cref="FromSeq"/> up to <see cref="ToSeq"/>, or, when <see cref="Full"/>, every key of the
/// shard as of <see cref="ToSeq"/> (a bootstrap or a resync). <see cref="Epoch"/> names the owner
/// activation: deltas only follow a batch of the same epoch.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReplicaBatch(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long FromSeq,
    [property: Id(2)] long ToSeq,
    [property: Id(3)] bool Full,
    [property: Id(4)] bool Flushed,
    [property: Id(5)] List<ReplicaChange> Changes)
{
    public bool IsEmpty => !Full && !Flushed && Changes.Count == 0;
}
