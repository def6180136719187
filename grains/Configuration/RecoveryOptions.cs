namespace DataTier.Configuration;

/// <summary>Settings of point-in-time recovery (section <c>PointInTimeRecovery</c>).</summary>
public sealed class RecoveryOptions
{
    /// <summary>How often the catalog folds recovery log records older than each table's recovery period into its base image.</summary>
    public TimeSpan FoldInterval { get; set; } = TimeSpan.FromHours(1);

    public void Validate()
    {
        if (FoldInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(FoldInterval), "must be positive");
    }
}
