using DataTier.Model;

namespace DataTier.Partitions;

/// <summary>
/// An item with the version its partition gave it at its last write. On the wire it travels in the
/// store's compact encoding (<see cref="VersionedItemSurrogate"/>), which costs a fraction of Orleans'
/// field-by-field serialization of the attribute dictionary.
/// </summary>
[Immutable]
public sealed record VersionedItem(long Version, IReadOnlyDictionary<string, AttrValue> Attributes);
