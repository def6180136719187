using DataTier.Partitions;
using DataTier.Placement.Moves;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Placement;

/// <summary>
/// Keeps local partition grains on their ring owners, and their replicas on the silos that follow
/// (see <see cref="RingRebalancer{TLocal}"/>); a moving partition carries its warm cache. Requests
/// that meet a moving grain are forwarded by Orleans.
/// </summary>
public sealed class PartitionRebalancer(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    LocalPartitions partitions,
    MoveLog moves,
    IOptions<RebalancingOptions> options,
    ILogger<PartitionRebalancer> logger) : RingRebalancer<LocalRingGrain>(membership, silo, options, logger, "partitions")
{
    protected override IEnumerable<LocalRingGrain> LocalGrains() => partitions.Snapshot();

    protected override SiloAddress OwnerOf(LocalRingGrain partition, ConsistentHashRing<SiloAddress> ring) => partition.PlaceOn(ring);

    protected override Task MoveAsync(LocalRingGrain partition, SiloAddress owner)
    {
        moves.Begin(partition.MoveKind, partition.Id, owner, MoveCause.Rebalance);
        return partition.Grain.Rebalance();
    }
}
