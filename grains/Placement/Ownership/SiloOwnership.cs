using DataTier.Placement.Moves;

namespace DataTier.Placement.Ownership;

/// <summary>What one silo hosts and the moves it recorded, as it reports them.</summary>
[GenerateSerializer, Immutable]
public sealed record SiloOwnership(
    [property: Id(0)] SiloAddress Silo,
    [property: Id(1)] IReadOnlyList<string> Partitions,
    [property: Id(2)] IReadOnlyList<int> CacheShards,
    [property: Id(3)] IReadOnlyList<MoveRecord> MovesInProgress,
    [property: Id(4)] long MovesCompleted,
    [property: Id(5)] long MovesAbandoned,
    [property: Id(6)] IReadOnlyList<MoveRecord> RecentMoves);
