namespace DataTier.Tables;

/// <summary>
/// One split in a table's history: partition <see cref="Parent"/>, which owned hashes
/// <see cref="First"/> to <see cref="Last"/>, was retired at map version <see cref="Version"/> and
/// replaced by <see cref="Left"/> (from <see cref="First"/> up to <see cref="Cut"/>, exclusive) and
/// <see cref="Right"/> (from <see cref="Cut"/> to <see cref="Last"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PartitionSplit(
    [property: Id(0)] int Parent,
    [property: Id(1)] ulong First,
    [property: Id(2)] ulong Last,
    [property: Id(3)] ulong Cut,
    [property: Id(4)] int Left,
    [property: Id(5)] int Right,
    [property: Id(6)] long Version);
