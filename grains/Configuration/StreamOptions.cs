namespace DataTier.Configuration;

/// <summary>Settings of change streams (section <c>Streams</c>).</summary>
public sealed class StreamOptions
{
    /// <summary>How long stream records are kept (DynamoDB: 24 hours).</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often each silo removes records older than the retention period.</summary>
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromMinutes(10);

    public void Validate()
    {
        if (RetentionPeriod <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RetentionPeriod), "must be positive");
        if (TrimInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TrimInterval), "must be positive");
    }
}
