namespace DataTier.AutoScaling;

/// <summary>One change auto scaling made or tried to make to a table's or index's units, as DescribeScalingActivities reports it.</summary>
[GenerateSerializer, Immutable]
public sealed record ScalingActivity(
    [property: Id(0)] string ActivityId,
    [property: Id(1)] ScalableResource Resource,
    [property: Id(2)] CapacityDimension Dimension,
    [property: Id(3)] string Description,
    [property: Id(4)] string Cause,
    [property: Id(5)] DateTimeOffset StartTime,
    [property: Id(6)] bool Successful,
    [property: Id(7)] string? StatusMessage);
