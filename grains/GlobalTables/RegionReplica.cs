namespace DataTier.GlobalTables;

/// <summary>
/// Another region that holds a replica of the table: this cluster sends it every write made here. While
/// <see cref="ReplicaStatus.CREATING"/>, the partitions listed in <paramref name="BackfilledPartitions"/> have sent it the
/// items they held when it joined.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RegionReplica(
    [property: Id(0)] string RegionName,
    [property: Id(1)] ReplicaStatus Status,
    [property: Id(2)] IReadOnlyList<int> BackfilledPartitions);
