using DataTier.Model;

namespace DataTier.Client.Versioning;

/// <summary>
/// What an optimistic-locking update did: the item as written (null when the change asked for no write),
/// its new version, and how many attempts it took.
/// </summary>
public sealed record VersionedWrite(IReadOnlyDictionary<string, AttrValue>? Item, long Version, int Attempts)
{
    public bool Written => Item is not null;
}
