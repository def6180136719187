using DataTier.Expressions;
using DataTier.Store;

namespace DataTier.Partitions;

/// <summary>Delete an item, if the condition holds against it and its version is the expected one.</summary>
[GenerateSerializer, Immutable]
public sealed record DeleteCommand(
    [property: Id(0)] ItemKey Key,
    [property: Id(1)] Condition? Condition,
    [property: Id(2)] long? ExpectedVersion,
    [property: Id(3)] bool ReturnOldOnConditionFailure,
    [property: Id(4)] ReturnedItems Returned = ReturnedItems.None);
