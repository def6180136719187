namespace DataTier.Placement.Ownership;

/// <summary>A table partition and the silo it is active on.</summary>
public sealed record PartitionOwner(string Table, Guid TableId, int Partition, string Silo);
