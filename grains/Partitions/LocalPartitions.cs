using System.Collections.Concurrent;
using DataTier.Placement;

namespace DataTier.Partitions;

/// <summary>
/// The partition grains and partition replicas active on this silo, with their places on the ring, so
/// the rebalancer can find the ones the ring now gives to another silo, and with their read views, so
/// this silo's endpoints read items of its own partitions without a grain call.
/// </summary>
public sealed class LocalPartitions
{
    private readonly ConcurrentDictionary<GrainId, LocalRingGrain> _active = new();
    private readonly ConcurrentDictionary<GrainId, Func<LocalPartitionStats?>> _stats = new();
    private readonly ConcurrentDictionary<(Guid TableId, int Partition), PartitionReadView> _views = new();

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

    public void AddView(Guid tableId, int partition, PartitionReadView view) => _views[(tableId, partition)] = view;

    public void RemoveView(Guid tableId, int partition, PartitionReadView view) =>
        _views.TryRemove(new KeyValuePair<(Guid, int), PartitionReadView>((tableId, partition), view));

    /// <summary>The read view of partition <paramref name="partition"/> (its id in the map) of a table, when it is active here.</summary>
    public PartitionReadView? ViewOf(Guid tableId, int partition) => _views.TryGetValue((tableId, partition), out var view) ? view : null;

    public IReadOnlyList<LocalRingGrain> Snapshot() => [.. _active.Values];

    /// <summary>Lets the metrics read an active partition's item count and size (null until the partition has counted them).</summary>
    public void TrackStats(GrainId id, Func<LocalPartitionStats?> stats) => _stats[id] = stats;

    /// <summary>The statistics of the partitions here that know them.</summary>
    public IReadOnlyList<LocalPartitionStats> Stats() => [.. _stats.Values.Select(read => read()).OfType<LocalPartitionStats>()];
}
