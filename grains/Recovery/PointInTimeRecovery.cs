namespace DataTier.Recovery;

/// <summary>
/// A table's point-in-time recovery while it is enabled: how many days back it can restore, and the
/// earliest moment it can restore to, which is null until every partition has logged the items it
/// held when recovery was enabled, and moves forward as old log records are folded into the base image.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PointInTimeRecovery(
    [property: Id(0)] int RecoveryPeriodInDays,
    [property: Id(1)] DateTimeOffset EnabledTime,
    [property: Id(2)] DateTimeOffset? EarliestRestorableTime)
{
    /// <summary>DynamoDB's default and largest recovery period.</summary>
    public const int MaxPeriodDays = 35;

    public TimeSpan Period => TimeSpan.FromDays(RecoveryPeriodInDays);
}
