using DataTier.Client.Requests;

namespace DataTier.Client.Results;

/// <summary>
/// The writes left for another call, by table (none unless the cluster sheds load), the capacity
/// consumed, and for tables with local secondary indexes the item collections the writes touched.
/// </summary>
public sealed record BatchWriteItemResult(IReadOnlyDictionary<string, IReadOnlyList<BatchWrite>> UnprocessedItems, IReadOnlyDictionary<string, double> CapacityUnits,
    IReadOnlyDictionary<string, IReadOnlyList<ItemCollectionSize>>? ItemCollectionMetrics = null);
