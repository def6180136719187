using DataTier.Partitions;

namespace DataTier.Replicas;

/// <summary>A replica's memory as it travels with the grain when the ring moves it: no copy from the store is needed after.</summary>
[GenerateSerializer, Immutable]
public sealed record MigratedReplica(
    [property: Id(0)] List<CachedEntry> Items,
    [property: Id(1)] bool Complete,
    [property: Id(2)] long Applied,
    [property: Id(3)] long KnownHead,
    [property: Id(4)] long NewestAppliedMs);
