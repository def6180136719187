namespace DataTier.Replicas;

/// <summary>
/// What a replica holds: the log sequence it has applied up to, the owner's head it knows of, how many
/// items it keeps in memory, and whether those are all of the partition's (otherwise misses go to the store).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReplicaStatus(
    [property: Id(0)] long Applied,
    [property: Id(1)] long KnownHead,
    [property: Id(2)] int ItemCount,
    [property: Id(3)] bool Complete,
    [property: Id(4)] long Bootstraps);
