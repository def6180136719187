using DataTier.Cache.Memory;
using DataTier.Cache.Replication;
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
/// moved by then lose their keys (the cache is memory only), unless they have replicas. The replicas
/// hosted here move too, to their places on the ring without this silo, so their owners need not send
/// full copies to new ones.
/// </summary>
public sealed partial class CacheShardHandOff(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    LocalCacheShards shards,
    LocalCacheReplicas replicas,
    MoveLog moves,
    ParkedShards parked,
    IOptions<RebalancingOptions> options,
    ILogger<CacheShardHandOff> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CacheShardHandOff), SiloDeparture.HandOffStage, _ => Task.CompletedTask, HandOffAsync);

    private async Task HandOffAsync(CancellationToken cancellationToken)
    {
        if (shards.Snapshot().Count == 0 && parked.Count == 0 && replicas.Count == 0) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.HandOffTimeout);
        try
        {
            await SiloDeparture.WaitUntilAnnouncedAsync(membership, silo.SiloAddress, options.Value.HandOffTimeout, timeout.Token);
            var others = membership.CurrentSnapshot.Members.Values
                .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(silo.SiloAddress))
                .Select(m => m.SiloAddress)
                .ToArray();
            if (others.Length > 0)
            {
                var ring = new ConsistentHashRing<SiloAddress>(others, ConsistentHashPlacementDirector.SiloIdentity);
                await Task.WhenAll(MoveShardsAsync(ring, others.Length, timeout.Token), MoveReplicasAsync(ring, timeout.Token));
            }
            await parked.WhenConfirmed(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogHandOffIncomplete(logger, shards.Snapshot().Count, parked.Count, replicas.Count);
        }
    }

    private async Task MoveShardsAsync(ConsistentHashRing<SiloAddress> ring, int silos, CancellationToken cancellationToken)
    {
        var local = shards.Snapshot();
        if (local.Count == 0) return;
        LogHandingOff(logger, local.Count, silos);
        await MoveInBatchesAsync(local, s =>
        {
            var owner = ring.OwnerOf(ConsistentHashPlacementDirector.RingKey(s.GrainId));
            moves.Begin(MoveKind.CacheShard, s.GrainId, owner, MoveCause.HandOff);
            return s.Grain.Rebalance(owner);
        }, shards.WhenEmpty, cancellationToken);
    }

    /// <summary>
    /// Replicas go to their places on the ring without this silo with their keys and their owner's sequence number, so
    /// the owner's next batch follows on (a replica whose move fails starts empty there and gets a full copy).
    /// </summary>
    private async Task MoveReplicasAsync(ConsistentHashRing<SiloAddress> ring, CancellationToken cancellationToken)
    {
        var local = replicas.Snapshot();
        if (local.Count == 0) return;
        LogHandingOffReplicas(logger, local.Count);
        await MoveInBatchesAsync(local,
            r => ReplicaKey.TryParse(r.Key, out var owner, out var k) ? r.Value.Grain.Rebalance(ring.OwnerOf(owner, k)) : Task.CompletedTask,
            replicas.WhenEmpty, cancellationToken);
    }

    /// <summary>Asks <see cref="RebalancingOptions.MovesPerBatch"/> grains at a time to move, then waits until none is left here.</summary>
    private async Task MoveInBatchesAsync<T>(IReadOnlyList<T> local, Func<T, Task> move, Func<Task> whenGone, CancellationToken cancellationToken)
    {
        foreach (var batch in local.Chunk(Math.Max(1, options.Value.MovesPerBatch)))
            await Task.WhenAll(batch.Select(move)).WaitAsync(cancellationToken);
        await whenGone().WaitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: handing {Count} cache shards to {Silos} other silos")]
    private static partial void LogHandingOff(ILogger logger, int count, int silos);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: handing {Count} cache replicas to their next places on the ring")]
    private static partial void LogHandingOffReplicas(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hand-off timed out with {Count} cache shards still here, {Unconfirmed} not confirmed at their new place and {Replicas} replicas still here; their keys may be lost, the replicas' owners send full copies")]
    private static partial void LogHandOffIncomplete(ILogger logger, int count, int unconfirmed, int replicas);
}
