using DataTier.Model;

namespace DataTier.Partitions;

/// <summary>
/// The result of a write: the item's new version (0 once deleted), the item it replaced and the item
/// written, if the command asked for them (<see cref="ReturnedItems"/>) and they exist, for a table with local secondary indexes the size of the item's collection after
/// it, the larger of the two items' sizes, which the write's capacity units count, and the units it cost each global
/// secondary index it wrote to, by name (global ones' from their own capacity, local ones' from the table's).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WriteOutcome(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyDictionary<string, AttrValue>? OldItem,
    [property: Id(2)] IReadOnlyDictionary<string, AttrValue>? NewItem = null,
    [property: Id(3)] long? CollectionBytes = null,
    [property: Id(4)] int ItemBytes = 0,
    [property: Id(5)] IReadOnlyDictionary<string, double>? IndexUnits = null,
    [property: Id(6)] IReadOnlyDictionary<string, double>? LocalIndexUnits = null);
