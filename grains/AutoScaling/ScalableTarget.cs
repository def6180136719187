namespace DataTier.AutoScaling;

/// <summary>A table dimension registered for auto scaling: the bounds its units stay within, and its policy once one is put.</summary>
[GenerateSerializer, Immutable]
public sealed record ScalableTarget(
    [property: Id(0)] CapacityDimension Dimension,
    [property: Id(1)] long MinCapacity,
    [property: Id(2)] long MaxCapacity,
    [property: Id(3)] DateTimeOffset CreationTime,
    [property: Id(4)] ScalingPolicy? Policy = null,
    [property: Id(5)] DateTimeOffset? LastScaledOut = null,
    [property: Id(6)] DateTimeOffset? LastScaledIn = null);
