namespace DataTier.Transactions;

/// <summary>
/// A partition's vote: <paramref name="Failures"/> is null when every action holds and its items are
/// now locked; otherwise one reason per action (None for those that held) and nothing is locked.
/// <paramref name="ItemBytes"/> gives, per action, the larger of the item's old and new sizes (for capacity);
/// <paramref name="CollectionBytes"/>, for a table with local secondary indexes, the size of each written
/// item's collection after the write (null for a condition check); <paramref name="IndexUnits"/>, per action, the write
/// units it costs the table's secondary indexes (null when none).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PrepareResult(
    [property: Id(0)] IReadOnlyList<CancellationReason>? Failures,
    [property: Id(1)] IReadOnlyList<int> ItemBytes,
    [property: Id(2)] IReadOnlyList<long?>? CollectionBytes = null,
    [property: Id(3)] IReadOnlyList<double>? IndexUnits = null);
