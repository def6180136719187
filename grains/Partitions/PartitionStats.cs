namespace DataTier.Partitions;

/// <summary>How many items a partition holds and their total size by DynamoDB's size rules.</summary>
[GenerateSerializer, Immutable]
public sealed record PartitionStats([property: Id(0)] long ItemCount, [property: Id(1)] long SizeBytes);
