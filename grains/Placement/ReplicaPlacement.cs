namespace DataTier.Placement;

/// <summary>
/// Places a partition's read replica <c>k</c> on the <c>k</c>-th distinct silo that follows the
/// partition's owner on the consistent-hash ring (see <see cref="Replicas.ReplicaKey"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed class ReplicaPlacement : PlacementStrategy
{
    public static ReplicaPlacement Instance { get; } = new();
}
