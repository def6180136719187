using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace DataTier.AwsDynamoDb;

/// <summary>Short constructors and readers of SDK attribute values.</summary>
internal static class Attr
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue B(ReadOnlySpan<byte> value) => new() { B = new MemoryStream(value.ToArray()) };

    public static string? GetS(this Dictionary<string, AttributeValue> row, string name) => row.TryGetValue(name, out var v) ? v.S : null;

    public static long? GetN(this Dictionary<string, AttributeValue> row, string name) =>
        row.TryGetValue(name, out var v) && v.N is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : null;

    public static byte[]? GetB(this Dictionary<string, AttributeValue> row, string name) =>
        row.TryGetValue(name, out var v) && v.B is { } b ? b.ToArray() : null;
}
