namespace DataTier.AutoScaling;

/// <summary>
/// A target-tracking policy: keep the consumed share of a dimension's provisioned units near
/// <paramref name="TargetValue"/> percent. Cooldowns are in seconds: how long after a scaling action of
/// the same direction the next may happen.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScalingPolicy(
    [property: Id(0)] string Name,
    [property: Id(1)] double TargetValue,
    [property: Id(2)] int ScaleOutCooldown,
    [property: Id(3)] int ScaleInCooldown,
    [property: Id(4)] bool DisableScaleIn,
    [property: Id(5)] DateTimeOffset CreationTime);
