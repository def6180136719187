namespace DataTier.Configuration;

/// <summary>Settings of table partitions (section <c>Partitions</c>).</summary>
public sealed class PartitionOptions
{
    /// <summary>Partitions a new table's hash space is cut into.</summary>
    public int InitialPartitionsPerTable { get; set; } = 4;

    /// <summary>Memory for cached items per partition grain; the least recently used items are evicted past it.</summary>
    public long CacheBytesPerPartition { get; set; } = 64L * 1024 * 1024;

    /// <summary>Read replicas of each partition of a new table that sets none itself (0 to 5).</summary>
    public int ReplicaCount { get; set; }

    /// <summary>Memory for the items each read replica holds; past it, the replica reads the rest from the store.</summary>
    public long ReplicaBytesPerPartition { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long a table with replicas but no global index keeps its internal change log (a replica further behind starts over).</summary>
    public TimeSpan ReplicaLogRetention { get; set; } = TimeSpan.FromMinutes(5);

    public void Validate()
    {
        if (InitialPartitionsPerTable is < 1 or > 4096)
            throw new ArgumentOutOfRangeException(nameof(InitialPartitionsPerTable), "must be between 1 and 4096");
        if (CacheBytesPerPartition < 0)
            throw new ArgumentOutOfRangeException(nameof(CacheBytesPerPartition), "must not be negative");
        if (ReplicaCount is < 0 or > Replicas.ReplicaKey.MaxReplicas)
            throw new ArgumentOutOfRangeException(nameof(ReplicaCount), $"must be between 0 and {Replicas.ReplicaKey.MaxReplicas}");
        if (ReplicaBytesPerPartition < 0)
            throw new ArgumentOutOfRangeException(nameof(ReplicaBytesPerPartition), "must not be negative");
        if (ReplicaLogRetention <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ReplicaLogRetention), "must be positive");
    }
}
