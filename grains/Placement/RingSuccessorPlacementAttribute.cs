using Orleans.Placement;

namespace DataTier.Placement;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RingSuccessorPlacementAttribute() : PlacementAttribute(RingSuccessorPlacement.Instance);
