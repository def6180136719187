namespace DataTier.Tables;

/// <summary>
/// The most read and write request units a second an on-demand table or global secondary index may use
/// (DynamoDB's OnDemandThroughput). In a description null is no maximum; in a request null leaves the current
/// value as it is and -1 removes it, as DynamoDB takes them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OnDemandThroughput(
    [property: Id(0)] long? MaxReadRequestUnits,
    [property: Id(1)] long? MaxWriteRequestUnits)
{
    public static readonly OnDemandThroughput None = new(null, null);

    public bool IsNone => MaxReadRequestUnits is null && MaxWriteRequestUnits is null;

    /// <summary>These maxima changed by a request's.</summary>
    public OnDemandThroughput With(OnDemandThroughput? requested) => requested is null ? this
        : new(Merge(MaxReadRequestUnits, requested.MaxReadRequestUnits), Merge(MaxWriteRequestUnits, requested.MaxWriteRequestUnits));

    /// <summary>The units a dimension is held to: 0 when it has no maximum.</summary>
    public (long Read, long Write) Units => (MaxReadRequestUnits ?? 0, MaxWriteRequestUnits ?? 0);

    private static long? Merge(long? current, long? requested) => requested is null ? current : requested < 0 ? null : requested;
}
