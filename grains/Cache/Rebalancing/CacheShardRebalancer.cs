using DataTier.Cache.Memory;
using DataTier.Placement;
using DataTier.Placement.Moves;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Cache.Rebalancing;

/// <summary>
/// Keeps local cache shards on their ring owners, as <see cref="PartitionRebalancer"/> does for table
/// partitions (see <see cref="RingRebalancer{TLocal}"/>): a moving shard carries its keys.
/// </summary>
public sealed class CacheShardRebalancer(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    LocalCacheShards shards,
    MoveLog moves,
    IOptions<RebalancingOptions> options,
    ILogger<CacheShardRebalancer> logger) : RingRebalancer<LocalShard>(membership, silo, options, logger, "cache shards")
{
    protected override IEnumerable<LocalShard> LocalGrains() => shards.Snapshot();

    protected override SiloAddress OwnerOf(LocalShard shard, ConsistentHashRing<SiloAddress> ring) =>
        ring.OwnerOf(ConsistentHashPlacementDirector.RingKey(shard.GrainId));

    protected override Task MoveAsync(LocalShard shard, SiloAddress owner)
    {
        moves.Begin(MoveKind.CacheShard, shard.GrainId, owner, MoveCause.Rebalance);
        return shard.Grain.Rebalance();
    }
}
