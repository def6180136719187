using System.Collections.Concurrent;

namespace DataTier.Partitions;

/// <summary>The partition grains active on this silo, so the rebalancer can find the ones the ring now gives to another silo.</summary>
public sealed class LocalPartitions
{
    private readonly ConcurrentDictionary<GrainId, IPartitionGrain> _active = new();

    public void Add(GrainId id, IPartitionGrain grain) => _active[id] = grain;

    /// <summary>Raised when a partition grain leaves this silo (deactivated, or migrated elsewhere).</summary>
    public event Action<GrainId>? Removed;

    public int Count => _active.Count;

    public void Remove(GrainId id)
    {
        if (_active.TryRemove(id, out _)) Removed?.Invoke(id);
    }

    public IReadOnlyList<KeyValuePair<GrainId, IPartitionGrain>> Snapshot() => [.. _active];
}
