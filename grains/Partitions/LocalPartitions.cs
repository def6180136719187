using System.Collections.Concurrent;
using DataTier.Placement;

namespace DataTier.Partitions;

/// <summary>
/// The partition grains and partition replicas active on this silo, with their places on the ring, so
/// the rebalancer can find the ones the ring now gives to another silo.
/// </summary>
public sealed class LocalPartitions
{
    private readonly ConcurrentDictionary<GrainId, LocalRingGrain> _active = new();
    private readonly ConcurrentDictionary<GrainId, Func<LocalPartitionStats?>> _stats = new();

    /// <summary>A partition: placed on the ring owner of its own grain id.</summary>
    public void Add(GrainId id, IPartitionGrain grain) => Add(new LocalRingGrain(id, grain, ConsistentHashPlacementDirector.RingKey(id), 0));

    public void Add(LocalRingGrain grain) => _active[grain.Id] = grain;

    /// <summary>Raised when a partition grain leaves this silo (deactivated, or migrated elsewhere).</summary>
    public event Action<GrainId>? Removed;

    public int Count => _active.Count;

    public void Remove(GrainId id)
    {
        _stats.TryRemove(id, out _);
        if (_active.TryRemove(id, out _)) Removed?.Invoke(id);
    }

    public IReadOnlyList<LocalRingGrain> Snapshot() => [.. _active.Values];

    /// <summary>Lets the metrics read an active partition's item count and size (null until the partition has counted them).</summary>
    public void TrackStats(GrainId id, Func<LocalPartitionStats?> stats) => _stats[id] = stats;

    /// <summary>The statistics of the partitions here that know them.</summary>
    public IReadOnlyList<LocalPartitionStats> Stats() => [.. _stats.Values.Select(read => read()).OfType<LocalPartitionStats>()];
}
