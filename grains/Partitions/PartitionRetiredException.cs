namespace DataTier.Partitions;

/// <summary>
/// The stale-map signal: the request reached a partition that was split (or is being split) and no
/// longer serves its range. Callers refresh the table's description and route again; the SDK and the
/// HTTP endpoint do this transparently (<c>TableRouter</c>), so clients never see it.
/// </summary>
[GenerateSerializer]
public sealed class PartitionRetiredException : Exception
{
    public PartitionRetiredException(Guid tableId, int partitionId)
        : base($"Partition {partitionId} of table {tableId:N} was split; refresh the partition map")
    {
        TableId = tableId;
        PartitionId = partitionId;
    }

    [Id(0)] public Guid TableId { get; }

    [Id(1)] public int PartitionId { get; }
}
