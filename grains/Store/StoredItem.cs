using DataTier.Model;

namespace DataTier.Store;

/// <summary>An item as the store holds it: its encoded position, version and attributes.</summary>
public sealed record StoredItem(byte[] Position, long Version, IReadOnlyDictionary<string, AttrValue> Attributes);
