namespace DataTier.Configuration;

/// <summary>Settings of table partitions (section <c>Partitions</c>).</summary>
public sealed class PartitionOptions
{
    /// <summary>Partitions a new table's hash space is cut into.</summary>
    public int InitialPartitionsPerTable { get; set; } = 4;

    /// <summary>Memory for cached items per partition grain; the least recently used items are evicted past it.</summary>
    public long CacheBytesPerPartition { get; set; } = 64L * 1024 * 1024;

    /// <summary>Whether partitions split by themselves when they pass a threshold below; an explicit split works either way.</summary>
    public bool SplitEnabled { get; set; } = true;

    /// <summary>A partition whose items pass this size splits in two (DynamoDB's 10 GB).</summary>
    public long SplitSizeBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    /// <summary>A partition that serves more read capacity units a second than this, over one check interval, splits (DynamoDB's 3000).</summary>
    public double SplitReadUnitsPerSecond { get; set; } = 3000;

    /// <summary>A partition that serves more write capacity units a second than this, over one check interval, splits (DynamoDB's 1000).</summary>
    public double SplitWriteUnitsPerSecond { get; set; } = 1000;

    /// <summary>How often each active partition compares its size and request rate with the thresholds.</summary>
    public TimeSpan SplitCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a partition stays fenced for a split the catalog has not committed; past it, it asks the
    /// catalog and serves again if the split did not happen (the catalog failed in the middle).
    /// </summary>
    public TimeSpan SplitFenceTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Read replicas of each partition of a new table that sets none itself (0 to 5).</summary>
    public int ReplicaCount { get; set; }

    /// <summary>Memory for the items each read replica holds; past it, the replica reads the rest from the store.</summary>
    public long ReplicaBytesPerPartition { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long a table with replicas but no global index keeps its internal change log (a replica further behind starts over).</summary>
    public TimeSpan ReplicaLogRetention { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether the silo's endpoints write to a partition active on the same silo without a grain call (serialized with
    /// the grain's turns all the same); off, every write is a grain call.
    /// </summary>
    public bool DirectWrites { get; set; } = true;

    /// <summary>
    /// How often a partition looks whether its silo's endpoints read or wrote it without a grain call since the last
    /// look; if they did, Orleans' idle collection (which only sees grain calls) is held off for two such periods.
    /// </summary>
    public TimeSpan LocalUseCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public void Validate()
    {
        if (InitialPartitionsPerTable is < 1 or > 4096)
            throw new ArgumentOutOfRangeException(nameof(InitialPartitionsPerTable), "must be between 1 and 4096");
        if (CacheBytesPerPartition < 0)
            throw new ArgumentOutOfRangeException(nameof(CacheBytesPerPartition), "must not be negative");
        if (SplitSizeBytes < 1) throw new ArgumentOutOfRangeException(nameof(SplitSizeBytes), "must be positive");
        if (SplitReadUnitsPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(SplitReadUnitsPerSecond), "must be positive");
        if (SplitWriteUnitsPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(SplitWriteUnitsPerSecond), "must be positive");
        if (SplitCheckInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(SplitCheckInterval), "must be positive");
        if (SplitFenceTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(SplitFenceTimeout), "must be positive");
        if (ReplicaCount is < 0 or > Replicas.PartitionReplicaKey.MaxReplicas)
            throw new ArgumentOutOfRangeException(nameof(ReplicaCount), $"must be between 0 and {Replicas.PartitionReplicaKey.MaxReplicas}");
        if (ReplicaBytesPerPartition < 0)
            throw new ArgumentOutOfRangeException(nameof(ReplicaBytesPerPartition), "must not be negative");
        if (LocalUseCheckInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(LocalUseCheckInterval), "must be positive");
        if (ReplicaLogRetention <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ReplicaLogRetention), "must be positive");
    }
}
