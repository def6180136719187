namespace DataTier.Tables;

/// <summary>The primary key of a table: a partition (HASH) key and an optional sort (RANGE) key.</summary>
[GenerateSerializer, Immutable]
public sealed record TableKeySchema([property: Id(0)] KeyAttribute PartitionKey, [property: Id(1)] KeyAttribute? SortKey);
