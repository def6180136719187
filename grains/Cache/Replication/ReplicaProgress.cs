namespace DataTier.Cache.Replication;

/// <summary>An owner's view of one replica, for INFO replication and the lag metric. Online: in sync and on another silo than its owner.</summary>
[GenerateSerializer, Immutable]
public sealed record ReplicaProgress(
    [property: Id(0)] int Index,
    [property: Id(1)] long AckedSeq,
    [property: Id(2)] long LagMs,
    [property: Id(3)] bool Online);
