using DataTier.Model;

namespace DataTier.Store;

/// <summary>
/// One item write in an atomic batch. It applies only if the stored version equals
/// <paramref name="ExpectedVersion"/> (0: the item must not exist). A null
/// <paramref name="Attributes"/> deletes the item.
/// </summary>
public sealed record ItemWrite(byte[] Position, long ExpectedVersion, long NewVersion, IReadOnlyDictionary<string, AttrValue>? Attributes);
