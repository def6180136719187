namespace DataTier.GlobalTables;

/// <summary>
/// Another region that holds a replica of the table: this cluster sends it every write made here. While
/// <see cref="ReplicaStatus.CREATING"/>, the partitions listed in <paramref name="BackfilledPartitions"/> have sent it the
/// items they held when it joined. <paramref name="Id"/> is new each time the region is added, so a region removed and
/// added again is sent everything afresh rather than from where its last shippers stopped. <paramref name="Settings"/> are
/// the replica's own settings there (ReplicaUpdates <c>Update</c>), as this region was told of them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RegionReplica(
    [property: Id(0)] string RegionName,
    [property: Id(1)] ReplicaStatus Status,
    [property: Id(2)] IReadOnlyList<int> BackfilledPartitions,
    [property: Id(3)] Guid Id,
    [property: Id(4)] ReplicaSettings? Settings = null);
