namespace DataTier.Placement;

/// <summary>Places a grain on the silo that owns its key on the consistent-hash ring of active silos.</summary>
[GenerateSerializer, Immutable]
public sealed class ConsistentHashPlacement : PlacementStrategy
{
    public static ConsistentHashPlacement Instance { get; } = new();
}
