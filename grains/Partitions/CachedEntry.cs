namespace DataTier.Partitions;

/// <summary>One cached item (or known absence), as it travels with a migrating partition grain.</summary>
[GenerateSerializer, Immutable]
public sealed record CachedEntry([property: Id(0)] byte[] Position, [property: Id(1)] VersionedItem? Item, [property: Id(2)] int Bytes);
