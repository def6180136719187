using DataTier.Model;

namespace DataTier.Client.Results;

/// <summary>The item's new internal version (0 after a delete) and, with ReturnValues ALL_OLD, the item it replaced.</summary>
public sealed record WriteItemResult(long Version, IReadOnlyDictionary<string, AttrValue>? Attributes, double CapacityUnits = 0);
