namespace DataTier.Tables;

/// <summary>UpdateTable's GlobalSecondaryIndexUpdates <c>Update</c>: new provisioned throughput for an existing global index.</summary>
[GenerateSerializer, Immutable]
public sealed record IndexThroughputUpdate(
    [property: Id(0)] string IndexName,
    [property: Id(1)] long ReadCapacityUnits,
    [property: Id(2)] long WriteCapacityUnits);
