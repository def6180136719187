using DataTier.Expressions;
using DataTier.Model;
using DataTier.Store;

namespace DataTier.Partitions;

/// <summary>Apply update actions to an item (creating it from its key if absent), if the condition holds and the version is the expected one.</summary>
[GenerateSerializer, Immutable]
public sealed record UpdateCommand(
    [property: Id(0)] ItemKey Key,
    [property: Id(1)] IReadOnlyDictionary<string, AttrValue> KeyAttributes,
    [property: Id(2)] IReadOnlyList<UpdateAction> Actions,
    [property: Id(3)] Condition? Condition,
    [property: Id(4)] long? ExpectedVersion,
    [property: Id(5)] bool ReturnOldOnConditionFailure,
    [property: Id(6)] ReturnedItems Returned = ReturnedItems.None);
