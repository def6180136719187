using DataTier.Client.Requests;

namespace DataTier.Client.Results;

/// <summary>The writes left for another call, by table (none unless the cluster sheds load).</summary>
public sealed record BatchWriteItemResult(IReadOnlyDictionary<string, IReadOnlyList<BatchWrite>> UnprocessedItems, IReadOnlyDictionary<string, double> CapacityUnits);
