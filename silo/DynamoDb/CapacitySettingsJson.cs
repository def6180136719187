using System.Text.Json;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb;

/// <summary>
/// OnDemandThroughput (MaxReadRequestUnits, MaxWriteRequestUnits) and WarmThroughput (ReadUnitsPerSecond,
/// WriteUnitsPerSecond) members of requests, and their descriptions in DescribeTable's shape.
/// </summary>
public static class CapacitySettingsJson
{
    public static OnDemandThroughput? ReadOnDemand(ApiRequest r, string member = "OnDemandThroughput") =>
        r.Object(member) is { } e && new ApiRequest(e) is var t
            ? new OnDemandThroughput(t.Long("MaxReadRequestUnits"), t.Long("MaxWriteRequestUnits"))
            : null;

    public static WarmThroughput? ReadWarm(ApiRequest r) =>
        r.Object("WarmThroughput") is { } e && new ApiRequest(e) is var t
            ? new WarmThroughput(t.Long("ReadUnitsPerSecond"), t.Long("WriteUnitsPerSecond"))
            : null;

    /// <summary>An on-demand table's or index's maxima, -1 for none, as DynamoDB describes them.</summary>
    public static void WriteOnDemand(Utf8JsonWriter w, OnDemandThroughput maxima, string member = "OnDemandThroughput")
    {
        w.WriteStartObject(member);
        w.WriteNumber("MaxReadRequestUnits", maxima.MaxReadRequestUnits ?? -1);
        w.WriteNumber("MaxWriteRequestUnits", maxima.MaxWriteRequestUnits ?? -1);
        w.WriteEndObject();
    }

    /// <summary>WarmThroughput (for a table, DescribeTable's member is named so; for an index too) with its status.</summary>
    public static void WriteWarm(Utf8JsonWriter w, string member, WarmThroughput? set, long readUnits, long writeUnits, string status)
    {
        var (read, write) = WarmThroughput.Effective(set, readUnits, writeUnits);
        w.WriteStartObject(member);
        w.WriteNumber("ReadUnitsPerSecond", read);
        w.WriteNumber("WriteUnitsPerSecond", write);
        w.WriteString("Status", status);
        w.WriteEndObject();
    }
}
