namespace DataTier.Client.Results;

/// <summary>
/// A committed write transaction, with the write capacity it consumed per table (twice a plain
/// write's) and, for tables with local secondary indexes, the item collections it wrote to.
/// </summary>
public sealed record TransactWriteItemsResult(IReadOnlyDictionary<string, double> CapacityUnitsByTable,
    IReadOnlyDictionary<string, IReadOnlyList<ItemCollectionSize>>? ItemCollectionMetrics = null);
