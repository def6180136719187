using DataTier.Model;

namespace DataTier.Client.Results;

/// <summary>The item (null if absent) and its internal version (0 if absent).</summary>
public sealed record GetItemResult(IReadOnlyDictionary<string, AttrValue>? Item, long Version);
