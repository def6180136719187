namespace DataTier.Placement.Ownership;

/// <summary>One activation per silo (keyed by the silo's parsable address) that reports what the silo hosts.</summary>
public interface ISiloOwnershipGrain : IGrainWithStringKey
{
    /// <summary>The silo's partitions, cache shards and moves (the last <paramref name="recentMoves"/> completed ones); null if this activation is not on the silo its key names.</summary>
    Task<SiloOwnership?> Report(int recentMoves);
}
