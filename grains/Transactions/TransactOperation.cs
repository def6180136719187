using DataTier.Expressions;
using DataTier.Model;
using DataTier.Store;

namespace DataTier.Transactions;

/// <summary>
/// One action of a write transaction, as its partition receives it: <paramref name="Index"/> is its
/// place in the request (cancellation reasons are reported in that order).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TransactOperation(
    [property: Id(0)] int Index,
    [property: Id(1)] TransactOperationKind Kind,
    [property: Id(2)] ItemKey Key,
    [property: Id(3)] IReadOnlyDictionary<string, AttrValue>? Item,
    [property: Id(4)] IReadOnlyDictionary<string, AttrValue>? KeyAttributes,
    [property: Id(5)] IReadOnlyList<UpdateAction>? Actions,
    [property: Id(6)] Condition? Condition,
    [property: Id(7)] bool ReturnOldOnConditionFailure);
