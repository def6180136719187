namespace DataTier.Partitions;

/// <summary>A partition active on this silo, with its item count and size, for the metrics.</summary>
public sealed record LocalPartitionStats(string Table, int Partition, PartitionStats Stats);
