namespace DataTier.Tables;

/// <summary>One of UpdateTable's GlobalSecondaryIndexUpdates: create an index (backfilled from the items there) or delete one.</summary>
[GenerateSerializer, Immutable]
public sealed record GlobalIndexUpdate([property: Id(0)] GlobalSecondaryIndex? Create, [property: Id(1)] string? Delete);
