using DataTier.Model;

namespace DataTier.GlobalTables;

/// <summary>One item's state as a region sends it to another: the item (null when deleted) and its stamp.</summary>
[GenerateSerializer, Immutable]
public sealed record ReplicatedWrite(
    [property: Id(0)] IReadOnlyDictionary<string, AttrValue> Keys,
    [property: Id(1)] IReadOnlyDictionary<string, AttrValue>? Item,
    [property: Id(2)] long Time,
    [property: Id(3)] string Region)
{
    public ReplicationStamp Stamp => new(Time, Region, Item is null);
}
