namespace DataTier.Tables;

/// <summary>
/// One of UpdateTable's GlobalSecondaryIndexUpdates: create an index (backfilled from the items there),
/// delete one, or change an index's provisioned throughput; exactly one of the three is set.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GlobalIndexUpdate(
    [property: Id(0)] GlobalSecondaryIndex? Create,
    [property: Id(1)] string? Delete,
    [property: Id(2)] IndexThroughputUpdate? Update = null)
{
    /// <summary>The index the update is about.</summary>
    public string IndexName => Create?.Name ?? Delete ?? Update?.IndexName ?? "";
}
