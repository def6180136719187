namespace DataTier.Configuration;

/// <summary>Settings of table partitions (section <c>Partitions</c>).</summary>
public sealed class PartitionOptions
{
    /// <summary>Partitions a new table's hash space is cut into.</summary>
    public int InitialPartitionsPerTable { get; set; } = 4;

    /// <summary>Memory for cached items per partition grain; the least recently used items are evicted past it.</summary>
    public long CacheBytesPerPartition { get; set; } = 64L * 1024 * 1024;

    public void Validate()
    {
        if (InitialPartitionsPerTable is < 1 or > 4096)
            throw new ArgumentOutOfRangeException(nameof(InitialPartitionsPerTable), "must be between 1 and 4096");
        if (CacheBytesPerPartition < 0)
            throw new ArgumentOutOfRangeException(nameof(CacheBytesPerPartition), "must not be negative");
    }
}
