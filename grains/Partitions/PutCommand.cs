using DataTier.Expressions;
using DataTier.Model;
using DataTier.Store;

namespace DataTier.Partitions;

/// <summary>Write a whole item, if the condition holds against the current one and its version is the expected one.</summary>
[GenerateSerializer, Immutable]
public sealed record PutCommand(
    [property: Id(0)] ItemKey Key,
    [property: Id(1)] IReadOnlyDictionary<string, AttrValue> Item,
    [property: Id(2)] Condition? Condition,
    [property: Id(3)] long? ExpectedVersion,
    [property: Id(4)] bool ReturnOldOnConditionFailure,
    [property: Id(5)] ReturnedItems Returned = ReturnedItems.None);
