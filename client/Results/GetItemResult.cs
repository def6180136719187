using DataTier.Model;

namespace DataTier.Client.Results;

/// <summary>The item (null if absent), its internal version (0 if absent) and the read capacity the read consumed.</summary>
public sealed record GetItemResult(IReadOnlyDictionary<string, AttrValue>? Item, long Version, double CapacityUnits = 0);
