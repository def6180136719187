using Orleans.Placement;

namespace DataTier.Cache.PubSub;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloLocalPlacementAttribute() : PlacementAttribute(SiloLocalPlacement.Instance);
