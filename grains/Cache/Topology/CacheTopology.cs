using DataTier.Cache.Replication;
using DataTier.Placement;

namespace DataTier.Cache.Topology;

/// <summary>
/// Which silos serve which slots, as the ring places the shards and their replicas among the active silos: what
/// CLUSTER SLOTS, SHARDS and NODES tell cluster clients, so they send each command to the silo that owns its key.
/// </summary>
public sealed class CacheTopology(IClusterMembershipService membership, IGrainFactory grains, ReplicaReads replicas)
{
    private readonly object _lock = new();
    private (MembershipVersion Version, int Replicas, SlotRange[] Ranges)? _cached;

    /// <summary>The active silos, in address order.</summary>
    public SiloAddress[] Silos() => membership.CurrentSnapshot.Members.Values
        .Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();

    /// <summary>The slot ranges in slot order, adjacent shards with the same silos merged; rebuilt when the membership changes.</summary>
    public SlotRange[] Ranges()
    {
        var snapshot = membership.CurrentSnapshot;
        var replicaCount = replicas.Replicas;
        lock (_lock)
        {
            if (_cached is { } c && c.Version == snapshot.Version && c.Replicas == replicaCount) return c.Ranges;
        }
        var silos = Silos();
        var ranges = new List<SlotRange>();
        if (silos.Length > 0)
        {
            var ring = new ConsistentHashRing<SiloAddress>(silos, ConsistentHashPlacementDirector.SiloIdentity);
            for (var shard = 0; shard < CacheSlots.ShardCount; shard++)
            {
                var key = ConsistentHashPlacementDirector.RingKey(grains.GetGrain<ICacheShardGrain>(shard).GetGrainId());
                var owners = Enumerable.Range(0, replicaCount + 1).Select(rank => ring.OwnerOf(key, rank)).ToArray();
                var start = shard * CacheSlots.SlotsPerShard;
                var end = start + CacheSlots.SlotsPerShard - 1;
                if (ranges.Count > 0 && ranges[^1].Silos.SequenceEqual(owners)) ranges[^1] = ranges[^1] with { End = end };
                else ranges.Add(new SlotRange(start, end, owners));
            }
        }
        var result = ranges.ToArray();
        lock (_lock) _cached = (snapshot.Version, replicaCount, result);
        return result;
    }
}
