using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Placement;

/// <summary>
/// Keeps this silo's ring-placed grains (of one kind: <typeparamref name="TLocal"/>) on their ring owners:
/// after each membership change, and then every <see cref="RebalancingOptions.CheckInterval"/>, the
/// local grains that the ring gives to another silo move there, a bounded number at a time. The
/// periodic check matters: a silo that just joined may not yet be a placement candidate everywhere
/// (its grain manifest travels separately from membership), and a migration to a silo that is not a
/// candidate yet ends in a cold reactivation. So grains wait until their new owner has been active
/// for <see cref="RebalancingOptions.JoinSettleTime"/>.
/// </summary>
/// <param name="grainsName">What the grains are called in the log ("partitions").</param>
public abstract partial class RingRebalancer<TLocal>(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    IOptions<RebalancingOptions> options,
    ILogger logger,
    string grainsName) : BackgroundService
{
    private volatile SiloAddress[] _active = [];
    private readonly Dictionary<SiloAddress, DateTime> _firstSeen = [];
    private ConsistentHashRing<SiloAddress>? _ring;
    private SiloAddress[]? _ringSilos;

    /// <summary>The grains of this kind active on this silo now.</summary>
    protected abstract IEnumerable<TLocal> LocalGrains();

    /// <summary>The silo the ring gives <paramref name="grain"/> to.</summary>
    protected abstract SiloAddress OwnerOf(TLocal grain, ConsistentHashRing<SiloAddress> ring);

    /// <summary>Records the move and asks <paramref name="grain"/> to migrate to <paramref name="owner"/>.</summary>
    protected abstract Task MoveAsync(TLocal grain, SiloAddress owner);

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
        var ring = RingOf(active);
        var now = DateTime.UtcNow;
        foreach (var s in active) _firstSeen.TryAdd(s, now);
        // Silos that left are forgotten, so the table does not grow with every departure.
        if (_firstSeen.Count > active.Length)
            foreach (var gone in _firstSeen.Keys.Where(s => !active.Contains(s)).ToList()) _firstSeen.Remove(gone);
        var settled = active.Where(s => now - _firstSeen[s] >= options.Value.JoinSettleTime).ToHashSet();
        var misplaced = LocalGrains()
            .Select(g => (Grain: g, Owner: OwnerOf(g, ring)))
            .Where(g => !g.Owner.Equals(silo.SiloAddress) && settled.Contains(g.Owner))
            .ToList();
        if (misplaced.Count == 0) return;
        LogMoving(logger, misplaced.Count, grainsName, active.Length);
        foreach (var batch in misplaced.Chunk(Math.Max(1, options.Value.MovesPerBatch)))
        {
            await Task.WhenAll(batch.Select(g => MoveAsync(g.Grain, g.Owner)));
            await Task.Delay(options.Value.PauseBetweenBatches, cancellationToken);
        }
    }

    /// <summary>The ring of the active silos, rebuilt only when they change.</summary>
    private ConsistentHashRing<SiloAddress> RingOf(SiloAddress[] active)
    {
        if (_ring is null || _ringSilos is null || _ringSilos.Length != active.Length || _ringSilos.Except(active).Any())
        {
            _ring = new ConsistentHashRing<SiloAddress>(active, ConsistentHashPlacementDirector.SiloIdentity);
            _ringSilos = active;
        }
        return _ring;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moving {Count} {Grains} to their owners on a ring of {Silos} silos")]
    private static partial void LogMoving(ILogger logger, int count, string grains, int silos);
}
