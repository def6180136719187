using DataTier.Cache.Memory;
using DataTier.Placement;
using DataTier.Placement.Moves;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Cache.Rebalancing;

/// <summary>
/// When this silo shuts down gracefully, hands each local cache shard, with its keys, to its owner
/// on the ring without this silo, within <see cref="RebalancingOptions.HandOffTimeout"/>. It starts
/// once the cluster knows this silo is leaving (<see cref="SiloDeparture"/>), so no other silo's
/// placement or rebalancer sends a shard back here, and it ends once every shard has left and
/// confirmed from its new place that it holds the keys (<see cref="ParkedShards"/>). Shards not
/// moved by then lose their keys (the cache is memory only), unless they have replicas.
/// </summary>
public sealed partial class CacheShardHandOff(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    LocalCacheShards shards,
    MoveLog moves,
    ParkedShards parked,
    IOptions<RebalancingOptions> options,
    ILogger<CacheShardHandOff> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CacheShardHandOff), SiloDeparture.HandOffStage, _ => Task.CompletedTask, HandOffAsync);

    private async Task HandOffAsync(CancellationToken cancellationToken)
    {
        if (shards.Snapshot().Count == 0 && parked.Count == 0) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.HandOffTimeout);
        try
        {
            await SiloDeparture.WaitUntilAnnouncedAsync(membership, silo.SiloAddress, options.Value.HandOffTimeout, timeout.Token);
            var others = membership.CurrentSnapshot.Members.Values
                .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(silo.SiloAddress))
                .Select(m => m.SiloAddress)
                .ToArray();
            var local = shards.Snapshot();
            if (others.Length > 0 && local.Count > 0)
            {
                LogHandingOff(logger, local.Count, others.Length);
                var ring = new ConsistentHashRing<SiloAddress>(others, ConsistentHashPlacementDirector.SiloIdentity);
                foreach (var batch in local.Chunk(Math.Max(1, options.Value.MovesPerBatch)))
                    await Task.WhenAll(batch.Select(s =>
                        {
                            var owner = ring.OwnerOf(ConsistentHashPlacementDirector.RingKey(s.GrainId));
                            moves.Begin(MoveKind.CacheShard, s.GrainId, owner, MoveCause.HandOff);
                            return s.Grain.Rebalance(owner);
                        }))
                        .WaitAsync(timeout.Token);
                await shards.WhenEmpty().WaitAsync(timeout.Token);
            }
            await parked.WhenConfirmed(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogHandOffIncomplete(logger, shards.Snapshot().Count, parked.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: handing {Count} cache shards to {Silos} other silos")]
    private static partial void LogHandingOff(ILogger logger, int count, int silos);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hand-off timed out with {Count} cache shards still here and {Unconfirmed} not confirmed at their new place; their keys may be lost")]
    private static partial void LogHandOffIncomplete(ILogger logger, int count, int unconfirmed);
}
