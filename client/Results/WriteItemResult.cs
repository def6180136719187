using DataTier.Model;

namespace DataTier.Client.Results;

/// <summary>
/// The item's new internal version (0 after a delete) and, with ReturnValues ALL_OLD, the item it
/// replaced; for a table with local secondary indexes, the size of the item's collection. <see cref="CapacityUnits"/> are the
/// table's own; <see cref="IndexCapacityUnits"/> and <see cref="LocalIndexCapacityUnits"/> what the write cost each global
/// and local secondary index it wrote to, by name.
/// </summary>
public sealed record WriteItemResult(long Version, IReadOnlyDictionary<string, AttrValue>? Attributes, double CapacityUnits = 0,
    ItemCollectionSize? ItemCollection = null, IReadOnlyDictionary<string, double>? IndexCapacityUnits = null,
    IReadOnlyDictionary<string, double>? LocalIndexCapacityUnits = null)
{
    /// <summary>The table's units and its indexes': ConsumedCapacity's CapacityUnits.</summary>
    public double TotalCapacityUnits => CapacityUnits + (IndexCapacityUnits?.Values.Sum() ?? 0) + (LocalIndexCapacityUnits?.Values.Sum() ?? 0);
}
