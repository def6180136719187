using System.Text.Json;

namespace DataTier.Silo.DynamoDb;

/// <summary>AWS's JSON protocols give times as seconds since the epoch, with milliseconds as the fraction.</summary>
internal static class EpochSeconds
{
    public static double Of(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    public static void WriteEpochSeconds(this Utf8JsonWriter w, string name, DateTimeOffset time) => w.WriteNumber(name, Of(time));

    /// <summary>A request's time member; null when absent or not a number.</summary>
    public static DateTimeOffset? Read(ApiRequest r, string name) =>
        r.Member(name) is { ValueKind: JsonValueKind.Number } e ? DateTimeOffset.FromUnixTimeMilliseconds((long)(e.GetDouble() * 1000)) : null;
}
