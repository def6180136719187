namespace DataTier.Placement;

/// <summary>The pace at which a silo hands partitions to their new owners (section <c>Rebalancing</c>).</summary>
public sealed class RebalancingOptions
{
    /// <summary>Partitions asked to move at once.</summary>
    public int MovesPerBatch { get; set; } = 16;

    /// <summary>Pause between batches, so a membership change does not stall the silo.</summary>
    public TimeSpan PauseBetweenBatches { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a silo looks for partitions it holds but no longer owns, besides right after membership changes.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a joined silo must have been active before partitions move to it.</summary>
    public TimeSpan JoinSettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest a shutting-down silo spends handing its partitions to the others.</summary>
    public TimeSpan HandOffTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public void Validate()
    {
        if (MovesPerBatch < 1) throw new ArgumentOutOfRangeException(nameof(MovesPerBatch), "must be at least 1");
        if (PauseBetweenBatches < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(PauseBetweenBatches), "must not be negative");
        if (CheckInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(CheckInterval), "must be positive");
        if (JoinSettleTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(JoinSettleTime), "must not be negative");
        if (HandOffTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(HandOffTimeout), "must be positive");
    }
}
