namespace DataTier.Partitions;

/// <summary>
/// Reads and writes from the partition's own silo reach it without a grain call (its read view, direct writes), so
/// Orleans, which counts a grain idle from its last call, would collect a partition that only its own silo uses (with
/// one silo, every partition) while it serves, and the next request would find it cold. A timer looks whether the
/// silo used it since its last tick and, if so, holds collection off for two ticks; a partition nobody uses is
/// collected as any other grain.
/// </summary>
public sealed partial class PartitionGrain
{
    private long _localUsesSeen;

    private void ScheduleLocalUseChecks()
    {
        var interval = options.Value.LocalUseCheckInterval;
        this.RegisterGrainTimer(KeepAliveIfUsedLocally, interval, interval);
    }

    private Task KeepAliveIfUsedLocally(CancellationToken cancellationToken)
    {
        var uses = _view.Reads + _view.DirectWrites;
        if (uses != _localUsesSeen)
        {
            _localUsesSeen = uses;
            DelayDeactivation(2 * options.Value.LocalUseCheckInterval);
        }
        return Task.CompletedTask;
    }
}
