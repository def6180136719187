namespace DataTier.Cache.Replication;

/// <summary>A replica's answer to a batch: whether it applied it, and the silo it lives on (a replica on its owner's silo protects nothing).</summary>
[GenerateSerializer, Immutable]
public sealed record ReplicaAck([property: Id(0)] bool Applied, [property: Id(1)] SiloAddress Silo);
