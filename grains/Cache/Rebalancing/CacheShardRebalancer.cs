using DataTier.Cache.Memory;
using DataTier.Placement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Cache.Rebalancing;

/// <summary>
/// Keeps local cache shards on their ring owners, as <see cref="PartitionRebalancer"/> does for table
/// partitions: after each membership change and every <see cref="RebalancingOptions.CheckInterval"/>,
/// the local shards that the ring gives to another (settled) silo migrate there with their keys.
/// </summary>
public sealed partial class CacheShardRebalancer(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    LocalCacheShards shards,
    IOptions<RebalancingOptions> options,
    ILogger<CacheShardRebalancer> logger) : BackgroundService
{
    private volatile SiloAddress[] _active = [];
    private readonly Dictionary<SiloAddress, DateTime> _firstSeen = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changed = new SemaphoreSlim(0);
        var watcher = WatchAsync(changed, stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(options.Value.CheckInterval, stoppingToken);
                await MoveMisplacedAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await watcher;
    }

    private async Task WatchAsync(SemaphoreSlim changed, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                _active = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToArray();
                changed.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task MoveMisplacedAsync(CancellationToken cancellationToken)
    {
        var active = _active;
        if (active.Length == 0 || !active.Contains(silo.SiloAddress)) return;
        var ring = new ConsistentHashRing<SiloAddress>(active, ConsistentHashPlacementDirector.SiloIdentity);
        var now = DateTime.UtcNow;
        foreach (var s in active) _firstSeen.TryAdd(s, now);
        var misplaced = shards.Snapshot()
            .Select(s => (Shard: s, Owner: ring.OwnerOf(ConsistentHashPlacementDirector.RingKey(s.GrainId))))
            .Where(s => !s.Owner.Equals(silo.SiloAddress) && now - _firstSeen[s.Owner] >= options.Value.JoinSettleTime)
            .Select(s => s.Shard)
            .ToList();
        if (misplaced.Count == 0) return;
        LogMoving(logger, misplaced.Count, active.Length);
        foreach (var batch in misplaced.Chunk(Math.Max(1, options.Value.MovesPerBatch)))
        {
            await Task.WhenAll(batch.Select(s => s.Grain.Rebalance()));
            await Task.Delay(options.Value.PauseBetweenBatches, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moving {Count} cache shards to their owners on a ring of {Silos} silos")]
    private static partial void LogMoving(ILogger logger, int count, int silos);
}
