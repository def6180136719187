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
}
