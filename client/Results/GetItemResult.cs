using DataTier.Model;
using DataTier.Partitions;

namespace DataTier.Client.Results;

/// <summary>
/// The item (null if absent), its internal version (0 if absent) and the read capacity the read consumed.
/// <paramref name="InMemory"/> is the item as its partition holds it in this process's memory, when the read
/// was answered from there and returns the whole item: a host may keep an encoding of it on it
/// (<see cref="VersionedItem.Encoded"/>).
/// </summary>
public sealed record GetItemResult(IReadOnlyDictionary<string, AttrValue>? Item, long Version, double CapacityUnits = 0, VersionedItem? InMemory = null);
