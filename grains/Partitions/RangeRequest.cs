using DataTier.Expressions;
using DataTier.Store;

namespace DataTier.Partitions;

/// <summary>
/// Read items of one partition in position order. Reading stops after <paramref name="Limit"/>
/// items or once the items read reach <paramref name="MaxBytes"/> (DynamoDB's 1 MB page). The
/// <paramref name="Filter"/> applies after those limits, as FilterExpression does: filtered-out
/// items count as scanned but are not returned. With <paramref name="Index"/> the entries of that
/// local secondary index are read instead of items (their items with <paramref name="FetchItems"/>);
/// <paramref name="KeyNames"/> asks for those attributes of the last entry read as
/// <see cref="RangePage.LastKey"/>. <paramref name="Consistent"/> says how a PROVISIONED table's capacity is charged:
/// a strongly consistent read costs twice an eventually consistent one.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RangeRequest(
    [property: Id(0)] KeyRange Range,
    [property: Id(1)] bool Reverse,
    [property: Id(2)] int Limit,
    [property: Id(3)] int MaxBytes,
    [property: Id(4)] IReadOnlyList<PathOperand>? Projection,
    [property: Id(5)] Condition? Filter = null,
    [property: Id(6)] string? Index = null,
    [property: Id(7)] bool FetchItems = false,
    [property: Id(8)] IReadOnlyList<string>? KeyNames = null,
    [property: Id(9)] bool Consistent = false);
