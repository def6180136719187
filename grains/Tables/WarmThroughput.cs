namespace DataTier.Tables;

/// <summary>
/// The read and write units a second a table or global secondary index is ready to serve at once (DynamoDB's
/// WarmThroughput): a capacity hint, recorded and reported. In a request a null member leaves the current value.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WarmThroughput(
    [property: Id(0)] long? ReadUnitsPerSecond,
    [property: Id(1)] long? WriteUnitsPerSecond)
{
    /// <summary>What DynamoDB gives a new table or index: 12,000 read and 4,000 write units a second.</summary>
    public const long DefaultRead = 12_000;

    public const long DefaultWrite = 4_000;

    /// <summary>These values with a request's given ones in their place.</summary>
    public WarmThroughput With(WarmThroughput? requested) => requested is null ? this
        : new(requested.ReadUnitsPerSecond ?? ReadUnitsPerSecond, requested.WriteUnitsPerSecond ?? WriteUnitsPerSecond);

    /// <summary>
    /// The values reported: at least DynamoDB's defaults, and at least the provisioned units, since a provisioned table
    /// can serve those at once and DynamoDB raises warm throughput with them.
    /// </summary>
    public static (long Read, long Write) Effective(WarmThroughput? set, long readUnits, long writeUnits) =>
        (Math.Max(Math.Max(set?.ReadUnitsPerSecond ?? 0, DefaultRead), readUnits),
         Math.Max(Math.Max(set?.WriteUnitsPerSecond ?? 0, DefaultWrite), writeUnits));
}
