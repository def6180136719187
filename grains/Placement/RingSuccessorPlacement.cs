namespace DataTier.Placement;

/// <summary>
/// Places a replica on the k-th distinct silo after its owner on the consistent-hash ring. The
/// grain's string key is <c>{owner ring key}|{k}</c> (see <see cref="ReplicaKey"/>), so one strategy
/// serves replicas of any grain placed by <see cref="ConsistentHashPlacement"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class RingSuccessorPlacement : PlacementStrategy
{
    public static RingSuccessorPlacement Instance { get; } = new();
}
