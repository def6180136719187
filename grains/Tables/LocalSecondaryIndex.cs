namespace DataTier.Tables;

/// <summary>
/// A local secondary index: the table's partition key with another sort key. Its entries live in the
/// partition beside the items, written in the same atomic batch (DESIGN.md, decision 6).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LocalSecondaryIndex
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required TableKeySchema KeySchema { get; init; }
    [Id(2)] public required IndexProjection Projection { get; init; }
    /// <summary>Filled in by DescribeTable from the partitions; not kept in the catalog.</summary>
    [Id(3)] public long ItemCount { get; init; }
    [Id(4)] public long SizeBytes { get; init; }
}
