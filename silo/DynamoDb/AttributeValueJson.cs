using System.Text.Json;
using DataTier.Errors;
using DataTier.Model;

namespace DataTier.Silo.DynamoDb;

/// <summary>Reads and writes DynamoDB's JSON form of attribute values ({"S": "x"}, {"N": "1"}, ...).</summary>
public static class AttributeValueJson
{
    public static Dictionary<string, AttrValue> ReadMap(JsonElement map)
    {
        var result = new Dictionary<string, AttrValue>(StringComparer.Ordinal);
        foreach (var p in map.EnumerateObject()) result[p.Name] = Read(p.Value);
        return result;
    }

    public static AttrValue Read(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw ApiRequest.Serialization(e.ValueKind == JsonValueKind.Array ? "Start of list found where not expected" : "Expected map or null");
        AttrValue? value = null;
        var count = 0;
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Null) continue;
            var read = ReadTyped(p.Name, p.Value);
            if (read is null) continue;
            value = read;
            count++;
        }
        if (count == 0) throw DynamoException.Validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        if (count > 1) throw DynamoException.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        return value!;
    }

    private static AttrValue? ReadTyped(string type, JsonElement v)
    {
        switch (type)
        {
            case "S": return AttrValue.FromS(ApiRequest.AsString(v));
            case "N": return AttrValue.FromN(Number(ApiRequest.AsString(v)));
            case "B": return AttrValue.FromB(Blob(v));
            case "BOOL":
                return ApiRequest.AsBool(v) ? AttrValue.True : AttrValue.False;
            case "NULL":
                if (!ApiRequest.AsBool(v))
                    throw DynamoException.Validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
                return AttrValue.Null;
            case "L": return AttrValue.FromL(Array(v).Select(Read).ToList());
            case "M":
                if (v.ValueKind != JsonValueKind.Object) throw ApiRequest.Serialization("Expected map or null");
                return AttrValue.FromM(ReadMap(v));
            case "SS": return AttrValue.FromSS(Array(v).Select(ApiRequest.AsString).ToList());
            case "NS": return AttrValue.FromNS(Array(v).Select(x => Number(ApiRequest.AsString(x)).ToString()).ToList());
            case "BS": return AttrValue.FromBS(Array(v).Select(Blob).ToList());
            default: return null;
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement v) => v.ValueKind == JsonValueKind.Array
        ? v.EnumerateArray()
        : throw ApiRequest.Serialization(v.ValueKind == JsonValueKind.Object ? "Start of structure or map found where not expected." : "Expected list or null");

    private static DynamoNumber Number(string text) =>
        DynamoNumber.TryParse(text, out var n, out var error) ? n : throw DynamoException.Validation(error!);

    private static byte[] Blob(JsonElement v)
    {
        var text = ApiRequest.AsString(v);
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw ApiRequest.Serialization($"Base64 encoded length is expected a multiple of 4 bytes but found: {text.Length}");
        }
    }

    /// <summary>A map's JSON as bytes of its own, written with <paramref name="options"/>.</summary>
    [ThreadStatic] private static System.Buffers.ArrayBufferWriter<byte>? t_keptBuffer;

    /// <summary>
    /// A map's JSON in an array of its own on the pinned object heap, for an encoding kept as long as its item is
    /// cached: the collector never copies that heap, and counts it with generation 2, so a kept encoding (most of a
    /// cached item's bytes) costs gen 0 collections nothing. It is written in a buffer reused by the thread.
    /// </summary>
    public static byte[] EncodeMap(IReadOnlyDictionary<string, AttrValue> map, JsonWriterOptions options)
    {
        var buffer = t_keptBuffer ??= new System.Buffers.ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, options)) WriteMap(writer, map);
        var kept = GC.AllocateUninitializedArray<byte>(buffer.WrittenCount, pinned: true);
        buffer.WrittenSpan.CopyTo(kept);
        // A buffer grown for a rare large item is not kept by the thread.
        if (buffer.Capacity > 64 * 1024) t_keptBuffer = null;
        return kept;
    }

    public static void WriteMap(Utf8JsonWriter w, IReadOnlyDictionary<string, AttrValue> map)
    {
        w.WriteStartObject();
        // Items are Dictionaries: their struct enumerator allocates nothing.
        if (map is Dictionary<string, AttrValue> dictionary)
        {
            foreach (var (name, value) in dictionary) WriteMember(w, name, value);
        }
        else
        {
            foreach (var (name, value) in map) WriteMember(w, name, value);
        }
        w.WriteEndObject();
    }

    private static void WriteMember(Utf8JsonWriter w, string name, AttrValue value)
    {
        w.WritePropertyName(name);
        Write(w, value);
    }

    // Type names pre-encoded: the writer neither transcodes nor escape-checks them.
    private static readonly JsonEncodedText S = JsonEncodedText.Encode("S"), N = JsonEncodedText.Encode("N"), B = JsonEncodedText.Encode("B"),
        Bool = JsonEncodedText.Encode("BOOL"), Null = JsonEncodedText.Encode("NULL"), L = JsonEncodedText.Encode("L"), M = JsonEncodedText.Encode("M"),
        SS = JsonEncodedText.Encode("SS"), NS = JsonEncodedText.Encode("NS"), BS = JsonEncodedText.Encode("BS");

    public static void Write(Utf8JsonWriter w, AttrValue v)
    {
        w.WriteStartObject();
        switch (v.Type)
        {
            case AttrType.S: w.WriteString(S, v.Text); break;
            case AttrType.N: w.WriteString(N, v.Text); break;
            case AttrType.B: w.WriteBase64String(B, v.Bytes); break;
            case AttrType.BOOL: w.WriteBoolean(Bool, v.Bool); break;
            case AttrType.NULL: w.WriteBoolean(Null, true); break;
            case AttrType.L:
                w.WriteStartArray(L);
                foreach (var e in v.List!) Write(w, e);
                w.WriteEndArray();
                break;
            case AttrType.M:
                w.WritePropertyName(M);
                WriteMap(w, v.Map!);
                break;
            case AttrType.SS:
            case AttrType.NS:
                w.WriteStartArray(v.Type == AttrType.SS ? SS : NS);
                foreach (var s in v.TextSet!) w.WriteStringValue(s);
                w.WriteEndArray();
                break;
            case AttrType.BS:
                w.WriteStartArray(BS);
                foreach (var b in v.BytesSet!) w.WriteBase64StringValue(b);
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }
}
