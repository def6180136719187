using DataTier.Partitions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Placement;

/// <summary>
/// Watches cluster membership; after each change it asks the local partition grains that the ring
/// now gives to another silo to migrate there (carrying their warm caches), a bounded number at a
/// time. Requests that meet a moving grain are forwarded by Orleans.
/// </summary>
public sealed partial class PartitionRebalancer(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    LocalPartitions partitions,
    IOptions<RebalancingOptions> options,
    ILogger<PartitionRebalancer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var active = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToArray();
                if (active.Length == 0 || !active.Contains(silo.SiloAddress)) continue;
                await MoveMisplacedAsync(active, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task MoveMisplacedAsync(SiloAddress[] active, CancellationToken cancellationToken)
    {
        var ring = new ConsistentHashRing<SiloAddress>(active, ConsistentHashPlacementDirector.SiloIdentity);
        var misplaced = partitions.Snapshot()
            .Where(p => !ring.OwnerOf(ConsistentHashPlacementDirector.RingKey(p.Key)).Equals(silo.SiloAddress))
            .ToList();
        if (misplaced.Count == 0) return;
        LogMoving(logger, misplaced.Count, active.Length);
        foreach (var batch in misplaced.Chunk(Math.Max(1, options.Value.MovesPerBatch)))
        {
            await Task.WhenAll(batch.Select(p => p.Value.Rebalance()));
            await Task.Delay(options.Value.PauseBetweenBatches, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moving {Count} partitions to their owners on a ring of {Silos} silos")]
    private static partial void LogMoving(ILogger logger, int count, int silos);
}
