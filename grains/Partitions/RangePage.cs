namespace DataTier.Partitions;

/// <summary>
/// A page of a range read. <see cref="LastPosition"/> is the position of the last item read (null
/// if none); <see cref="Exhausted"/> says the range holds nothing after it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RangePage(
    [property: Id(0)] IReadOnlyList<VersionedItem> Items,
    [property: Id(1)] int ScannedCount,
    [property: Id(2)] int ScannedBytes,
    [property: Id(3)] byte[]? LastPosition,
    [property: Id(4)] bool Exhausted,
    [property: Id(5)] IReadOnlyDictionary<string, Model.AttrValue>? LastKey = null);
