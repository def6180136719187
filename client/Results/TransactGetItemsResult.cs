using DataTier.Model;

namespace DataTier.Client.Results;

/// <summary>The items of a read transaction in request order (null when absent), with the read capacity consumed per table.</summary>
public sealed record TransactGetItemsResult(
    IReadOnlyList<IReadOnlyDictionary<string, AttrValue>?> Items,
    IReadOnlyDictionary<string, double> CapacityUnitsByTable);
