using DataTier.Partitions;
using DataTier.Placement.Moves;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Placement;

/// <summary>
/// Keeps local partition grains on their ring owners, and their replicas on the silos that follow: after each membership change, and then every
/// <see cref="RebalancingOptions.CheckInterval"/>, it asks the local partitions that the ring gives to
/// another silo to migrate there (carrying their warm caches), a bounded number at a time. The
/// periodic check matters: a silo that just joined may not yet be a placement candidate everywhere
/// (its grain manifest travels separately from membership), and a migration to a silo that is not a
/// candidate yet ends in a cold reactivation. So partitions wait until their new owner has been
/// active for <see cref="RebalancingOptions.JoinSettleTime"/>.
/// Requests that meet a moving grain are forwarded by Orleans.
/// </summary>
public sealed partial class PartitionRebalancer(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    LocalPartitions partitions,
    MoveLog moves,
    IOptions<RebalancingOptions> options,
    ILogger<PartitionRebalancer> logger) : BackgroundService
{
    private volatile SiloAddress[] _active = [];
    private readonly Dictionary<SiloAddress, DateTime> _firstSeen = [];
    private ConsistentHashRing<SiloAddress>? _ring;
    private SiloAddress[]? _ringSilos;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changed = new SemaphoreSlim(0);
        var watcher = WatchMembershipAsync(changed, stoppingToken);
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

    private async Task WatchMembershipAsync(SemaphoreSlim changed, CancellationToken stoppingToken)
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
        if (_ring is null || _ringSilos is null || _ringSilos.Length != active.Length || _ringSilos.Except(active).Any())
        {
            _ring = new ConsistentHashRing<SiloAddress>(active, ConsistentHashPlacementDirector.SiloIdentity);
            _ringSilos = active;
        }
        var ring = _ring;
        var now = DateTime.UtcNow;
        foreach (var s in active) _firstSeen.TryAdd(s, now);
        var settled = active.Where(s => now - _firstSeen[s] >= options.Value.JoinSettleTime).ToHashSet();
        var misplaced = partitions.Snapshot()
            .Select(p => (Partition: p, Owner: p.PlaceOn(ring)))
            .Where(p => !p.Owner.Equals(silo.SiloAddress) && settled.Contains(p.Owner))
            .Select(p => p.Partition)
            .ToList();
        if (misplaced.Count == 0) return;
        LogMoving(logger, misplaced.Count, active.Length);
        foreach (var batch in misplaced.Chunk(Math.Max(1, options.Value.MovesPerBatch)))
        {
            await Task.WhenAll(batch.Select(p =>
            {
                moves.Begin(p.MoveKind, p.Id, p.PlaceOn(ring), MoveCause.Rebalance);
                return p.Grain.Rebalance();
            }));
            await Task.Delay(options.Value.PauseBetweenBatches, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moving {Count} partitions to their owners on a ring of {Silos} silos")]
    private static partial void LogMoving(ILogger logger, int count, int silos);
}
