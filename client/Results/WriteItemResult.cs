using DataTier.Model;

namespace DataTier.Client.Results;

/// <summary>
/// The item's new internal version (0 after a delete) and, with ReturnValues ALL_OLD, the item it
/// replaced; for a table with local secondary indexes, the size of the item's collection.
/// </summary>
public sealed record WriteItemResult(long Version, IReadOnlyDictionary<string, AttrValue>? Attributes, double CapacityUnits = 0,
    ItemCollectionSize? ItemCollection = null);
