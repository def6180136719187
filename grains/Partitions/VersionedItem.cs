using DataTier.Model;

namespace DataTier.Partitions;

/// <summary>An item with the version its partition gave it at its last write.</summary>
[GenerateSerializer, Immutable]
public sealed record VersionedItem([property: Id(0)] long Version, [property: Id(1)] IReadOnlyDictionary<string, AttrValue> Attributes);
