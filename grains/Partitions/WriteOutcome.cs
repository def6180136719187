using DataTier.Model;

namespace DataTier.Partitions;

/// <summary>The result of a write: the item's new version (0 once deleted) and the item it replaced, if any.</summary>
[GenerateSerializer, Immutable]
public sealed record WriteOutcome([property: Id(0)] long Version, [property: Id(1)] IReadOnlyDictionary<string, AttrValue>? OldItem);
