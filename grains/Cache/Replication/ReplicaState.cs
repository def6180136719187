namespace DataTier.Cache.Replication;

/// <summary>How far a replica is: the owner epoch and sequence number it has applied, and its key count.</summary>
[GenerateSerializer, Immutable]
public sealed record ReplicaState([property: Id(0)] Guid Epoch, [property: Id(1)] long Seq, [property: Id(2)] long Keys)
{
    public bool Synced => Epoch != Guid.Empty;
}
