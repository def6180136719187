namespace DataTier.Configuration;

/// <summary>Settings of secondary indexes (section <c>Indexes</c>).</summary>
public sealed class IndexOptions
{
    /// <summary>DynamoDB's limit on the items of one partition key plus their local index entries: 10 GB.</summary>
    public long ItemCollectionSizeLimitBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    /// <summary>How often a base partition tells the feeders of its global indexes about new records, and how often a feeder looks anyway.</summary>
    public TimeSpan FeedInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Change records a feeder applies between two checkpoints.</summary>
    public int RecordsPerCheckpoint { get; set; } = 256;

    public void Validate()
    {
        if (ItemCollectionSizeLimitBytes < 1) throw new ArgumentOutOfRangeException(nameof(ItemCollectionSizeLimitBytes), "must be positive");
        if (FeedInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(FeedInterval), "must be positive");
        if (RecordsPerCheckpoint < 1) throw new ArgumentOutOfRangeException(nameof(RecordsPerCheckpoint), "must be positive");
    }
}
