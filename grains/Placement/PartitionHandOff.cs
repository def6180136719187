using DataTier.Partitions;
using DataTier.Placement.Moves;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Placement;

/// <summary>
/// When this silo shuts down gracefully, hands every local partition and replica (and its warm state) to the
/// silo that owns it on the ring without this one, before grains are deactivated, within
/// <see cref="RebalancingOptions.HandOffTimeout"/>. Partitions not moved by then start cold
/// elsewhere on their next request; no data is lost either way, since every write is in the store.
/// It starts once the cluster knows this silo is leaving (see <see cref="SiloDeparture"/>), so no
/// other silo sends a moved partition back here.
/// </summary>
public sealed partial class PartitionHandOff(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    LocalPartitions partitions,
    MoveLog moves,
    IOptions<RebalancingOptions> options,
    ILogger<PartitionHandOff> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PartitionHandOff), SiloDeparture.HandOffStage, _ => Task.CompletedTask, HandOffAsync);

    private async Task HandOffAsync(CancellationToken cancellationToken)
    {
        if (partitions.Snapshot().Count == 0) return;
        await SiloDeparture.WaitUntilAnnouncedAsync(membership, silo.SiloAddress, options.Value.HandOffTimeout, cancellationToken);
        var others = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(silo.SiloAddress))
            .Select(m => m.SiloAddress)
            .ToArray();
        var local = partitions.Snapshot();
        if (others.Length == 0 || local.Count == 0) return;
        var ring = new ConsistentHashRing<SiloAddress>(others, ConsistentHashPlacementDirector.SiloIdentity);
        LogHandingOff(logger, local.Count, others.Length);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.HandOffTimeout);
        try
        {
            foreach (var batch in local.Chunk(Math.Max(1, options.Value.MovesPerBatch)))
                await Task.WhenAll(batch.Select(p =>
                    {
                        var owner = p.PlaceOn(ring);
                        moves.Begin(p.MoveKind, p.Id, owner, MoveCause.HandOff);
                        return p.Grain.Rebalance(owner);
                    }))
                    .WaitAsync(timeout.Token);
            // Migration completes once each grain is idle; wait for the local set to drain.
            while (partitions.Snapshot().Count > 0) await Task.Delay(50, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogHandOffIncomplete(logger, partitions.Snapshot().Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: handing {Count} partitions to {Silos} other silos")]
    private static partial void LogHandingOff(ILogger logger, int count, int silos);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hand-off timed out with {Count} partitions still here; they will start cold elsewhere")]
    private static partial void LogHandOffIncomplete(ILogger logger, int count);
}
