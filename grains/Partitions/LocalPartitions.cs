using System.Collections.Concurrent;

namespace DataTier.Partitions;

/// <summary>The partition grains active on this silo, so the rebalancer can find the ones the ring now gives to another silo.</summary>
public sealed class LocalPartitions
{
    private readonly ConcurrentDictionary<GrainId, IPartitionGrain> _active = new();
    private readonly ConcurrentDictionary<GrainId, Func<LocalPartitionStats?>> _stats = new();

    public void Add(GrainId id, IPartitionGrain grain) => _active[id] = grain;

    public void Remove(GrainId id)
    {
        _active.TryRemove(id, out _);
        _stats.TryRemove(id, out _);
    }

    public IReadOnlyList<KeyValuePair<GrainId, IPartitionGrain>> Snapshot() => [.. _active];

    /// <summary>Lets the metrics read an active partition's item count and size (null until the partition has counted them).</summary>
    public void TrackStats(GrainId id, Func<LocalPartitionStats?> stats) => _stats[id] = stats;

    /// <summary>The statistics of the partitions here that know them.</summary>
    public IReadOnlyList<LocalPartitionStats> Stats() => [.. _stats.Values.Select(read => read()).OfType<LocalPartitionStats>()];
}
