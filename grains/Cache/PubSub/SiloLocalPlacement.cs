namespace DataTier.Cache.PubSub;

/// <summary>Places a grain on the silo named by its string key (a silo address), so each silo has one addressable activation.</summary>
[GenerateSerializer, Immutable]
public sealed class SiloLocalPlacement : PlacementStrategy
{
    public static SiloLocalPlacement Instance { get; } = new();
}
