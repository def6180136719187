namespace DataTier.Placement.Ownership;

/// <summary>One active silo: how many partitions and cache shards it hosts, or why it did not answer.</summary>
public sealed record SiloSummary(string Silo, bool Reachable, int Partitions, int CacheShards, int MovesInProgress, long MovesCompleted, string? Error = null);
