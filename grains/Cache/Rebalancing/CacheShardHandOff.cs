using DataTier.Cache.Memory;
using DataTier.Placement;
using DataTier.Placement.Moves;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Cache.Rebalancing;

/// <summary>
/// When this silo shuts down gracefully, hands each local cache shard, with its keys, to its owner
/// on the ring without this silo, within <see cref="RebalancingOptions.HandOffTimeout"/>. Shards not
/// moved by then lose their keys (the cache is memory only).
/// </summary>
public sealed partial class CacheShardHandOff(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    LocalCacheShards shards,
    MoveLog moves,
    IOptions<RebalancingOptions> options,
    ILogger<CacheShardHandOff> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CacheShardHandOff), ServiceLifecycleStage.Active, _ => Task.CompletedTask, HandOffAsync);

    private async Task HandOffAsync(CancellationToken cancellationToken)
    {
        var others = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(silo.SiloAddress))
            .Select(m => m.SiloAddress)
            .ToArray();
        var local = shards.Snapshot();
        if (others.Length == 0 || local.Count == 0) return;
        var ring = new ConsistentHashRing<SiloAddress>(others, ConsistentHashPlacementDirector.SiloIdentity);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.HandOffTimeout);
        try
        {
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
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogHandOffIncomplete(logger, shards.Snapshot().Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hand-off timed out with {Count} cache shards still here; their keys are lost")]
    private static partial void LogHandOffIncomplete(ILogger logger, int count);
}
