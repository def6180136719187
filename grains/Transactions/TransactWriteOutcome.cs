namespace DataTier.Transactions;

/// <summary>
/// A committed write transaction: per action (request order), the larger of its item's old and new
/// sizes and, for tables with local secondary indexes, the size of its item collection after it; what each costs the
/// tables' secondary indexes in write units (null when nothing).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TransactWriteOutcome(
    [property: Id(0)] IReadOnlyList<int> ItemBytes,
    [property: Id(1)] bool Repeated,
    [property: Id(2)] IReadOnlyList<long?>? CollectionBytes = null,
    [property: Id(3)] IReadOnlyList<double>? IndexUnits = null);
