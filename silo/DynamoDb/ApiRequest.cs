using System.Text.Json;
using DataTier.Errors;
using DataTier.Model;

namespace DataTier.Silo.DynamoDb;

/// <summary>
/// Typed access to the members of a JSON 1.0 request body. Members of the wrong JSON type fail with
/// SerializationException, as AWS's front end does; absent members read as null.
/// </summary>
public sealed class ApiRequest
{
    private List<string>? _missing;

    /// <summary>A request body or a structure inside one; anything but a JSON object is a SerializationException.</summary>
    public ApiRequest(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw Serialization(root.ValueKind == JsonValueKind.Array ? "Start of list found where not expected" : "Unexpected value type in payload");
        Root = root;
    }

    public JsonElement Root { get; }

    public string? String(string name) => Member(name) is { } e ? AsString(e) : null;

    public bool? Bool(string name) => Member(name) is { } e ? AsBool(e) : null;

    /// <summary>
    /// A JSON boolean; like AWS's deserializer, also the strings true/false, 1/0 and yes/no in any case.
    /// </summary>
    internal static bool AsBool(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString()!.ToUpperInvariant() switch
        {
            "TRUE" or "1" or "YES" => true,
            "FALSE" or "0" or "NO" => false,
            _ => throw Serialization("Unexpected token received from parser"),
        },
        _ => throw Serialization($"{Kind(e)} can not be converted to a Boolean"),
    };

    public long? Long(string name) => Member(name) is { } e
        ? e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) ? v : throw Serialization($"{Kind(e)} can not be converted to a Long")
        : null;

    public int? Int(string name) => Long(name) is { } v ? (int)Math.Clamp(v, int.MinValue, int.MaxValue) : null;

    public JsonElement? Object(string name) => Member(name) is { } e
        ? e.ValueKind == JsonValueKind.Object ? e : throw Serialization(e.ValueKind == JsonValueKind.Array ? "Start of list found where not expected" : "Expected map or null")
        : null;

    public JsonElement? Array(string name) => Member(name) is { } e
        ? e.ValueKind == JsonValueKind.Array ? e : throw Serialization(e.ValueKind == JsonValueKind.Object ? "Start of structure or map found where not expected." : "Expected list or null")
        : null;

    public IReadOnlyDictionary<string, AttrValue>? AttributeMap(string name) =>
        Object(name) is { } e ? AttributeValueJson.ReadMap(e) : null;

    public IReadOnlyDictionary<string, string>? StringMap(string name)
    {
        if (Object(name) is not { } e) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject()) result[p.Name] = AsString(p.Value);
        return result;
    }

    /// <param name="name">The member.</param>
    /// <param name="parameter">Its name in errors.</param>
    /// <param name="valueSet">The value set as AWS prints it, when its order is not the enum's.</param>
    public T? Enum<T>(string name, string parameter, string? valueSet = null) where T : struct, Enum
    {
        var text = String(name);
        if (text is null) return null;
        if (System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && char.IsUpper(text[0])) return value;
        Invalid(parameter, text, $"Member must satisfy enum value set: {valueSet ?? $"[{string.Join(", ", System.Enum.GetNames<T>())}]"}");
        return null;
    }

    /// <summary>A string member that must be one of <paramref name="allowed"/>, listed in errors as AWS lists them.</summary>
    public string? OneOf(string name, string parameter, params string[] allowed)
    {
        var text = String(name);
        if (text is not null && !allowed.Contains(text, StringComparer.Ordinal))
            Invalid(parameter, text, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        return text;
    }

    /// <summary>A list member that, when present, must have at least one element (AttributesToGet).</summary>
    public void NotEmptyList(string name, string parameter)
    {
        if (Member(name) is { ValueKind: JsonValueKind.Array } e && e.GetArrayLength() == 0)
            Invalid(parameter, "[]", "Member must have length greater than or equal to 1");
    }

    /// <summary>Notes a required member that is absent; <see cref="ThrowIfInvalid"/> reports them together.</summary>
    public T? Required<T>(T? value, string parameter)
    {
        if (value is null) (_missing ??= []).Add($"Value null at '{parameter}' failed to satisfy constraint: Member must not be null");
        return value;
    }

    public void Invalid(string parameter, object value, string constraint) =>
        (_missing ??= []).Add($"Value '{value}' at '{parameter}' failed to satisfy constraint: {constraint}");

    public void ThrowIfInvalid()
    {
        if (_missing is null) return;
        throw DynamoException.Validation($"{_missing.Count} validation error{(_missing.Count > 1 ? "s" : "")} detected: {string.Join("; ", _missing)}");
    }

    // The object's members, read once: a request asks for a dozen names, and each TryGetProperty transcoded
    // its name to UTF-8 and scanned the members again.
    private (string Name, JsonElement Value)[]? _members;

    /// <summary>The member of that name, unless absent or JSON null.</summary>
    internal JsonElement? Member(string name)
    {
        var members = _members ??= ReadMembers(Root);
        // From the end: of a name given twice, the last one counts, as with TryGetProperty.
        for (var i = members.Length - 1; i >= 0; i--)
        {
            if (members[i].Name == name) return members[i].Value.ValueKind != JsonValueKind.Null ? members[i].Value : null;
        }
        return null;
    }

    private static (string Name, JsonElement Value)[] ReadMembers(JsonElement root)
    {
        var members = new (string, JsonElement)[root.GetPropertyCount()];
        var i = 0;
        foreach (var p in root.EnumerateObject()) members[i++] = (p.Name, p.Value);
        return members;
    }

    internal static string AsString(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString()!
        : throw Serialization(e.ValueKind switch
        {
            JsonValueKind.Object => "Start of structure or map found where not expected.",
            JsonValueKind.Array => "Start of list found where not expected",
            _ => $"{Kind(e)} can not be converted to a String",
        });

    internal static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => "NUMBER_VALUE",
        JsonValueKind.True or JsonValueKind.False => "Boolean",
        JsonValueKind.String => "STRING_VALUE",
        JsonValueKind.Object => "START_OBJECT",
        JsonValueKind.Array => "START_ARRAY",
        _ => "NULL",
    };

    internal static DynamoException Serialization(string message) => new(DynamoErrorCode.SerializationException, message);
}
