using DataTier.Placement;

namespace DataTier.Partitions;

/// <summary>
/// A grain active on this silo with its place on the ring: the <paramref name="Rank"/>-th distinct silo
/// after the owner of <paramref name="RingKey"/> (rank 0 for a partition, 1 to 5 for its read replicas).
/// </summary>
public sealed record LocalRingGrain(GrainId Id, IRingPlacedGrain Grain, string RingKey, int Rank)
{
    public SiloAddress PlaceOn(ConsistentHashRing<SiloAddress> ring) => ring.OwnerOf(RingKey, Rank);

    public Placement.Moves.MoveKind MoveKind => Rank == 0 ? Placement.Moves.MoveKind.Partition : Placement.Moves.MoveKind.PartitionReplica;
}
