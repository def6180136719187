using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DataTier.Tests.Differential;

/// <summary>
/// Brings an answer to the form the comparison sees: the error type without its namespace, the field
/// rules of the allow-list applied, object members in name order (JSON objects have no order).
/// </summary>
public static class ResponseNormalizer
{
    public static string Canonical(PeerResponse response, string operation, IEnumerable<FieldRule> rules)
    {
        if (response.Status == System.Net.HttpStatusCode.OK && rules.Any(r => r.Action == "empty" && Applies(r, response, operation))) return "";
        if (response.Body is null) return response.Raw;
        var body = response.Body.DeepClone();
        if (body is JsonObject o && o["__type"]?.GetValue<string>() is { } type) o["__type"] = type[(type.IndexOf('#') + 1)..];
        foreach (var rule in rules)
        {
            if (!Applies(rule, response, operation)) continue;
            foreach (var path in rule.Paths) Apply(body, path.Split('.'), 0, rule.Action);
            if (rule.MessagePattern is { } pattern && body is JsonObject error)
                foreach (var member in new[] { "message", "Message" })
                    if (error[member]?.GetValue<string>() is { } message && Regex.Match(message, pattern) is { Success: true } match)
                        error[member] = match.Value;
        }
        return Write(body);
    }

    private static bool Applies(FieldRule rule, PeerResponse response, string operation) =>
        (rule.Operations is not { } ops || ops.Contains(operation, StringComparer.Ordinal))
        && (rule.ErrorTypes is not { } types || types.Contains(response.ErrorType ?? "", StringComparer.Ordinal));

    private static void Apply(JsonNode? node, string[] segments, int index, string action)
    {
        if (node is null) return;
        var segment = segments[index];
        if (segment == "**")
        {
            Apply(node, segments, index + 1, action);
            foreach (var child in Children(node)) Apply(child.Value, segments, index, action);
            return;
        }
        var matches = Children(node).Where(c => segment == "*" || c.Name == segment).ToList();
        if (index < segments.Length - 1)
        {
            foreach (var m in matches) Apply(m.Value, segments, index + 1, action);
            return;
        }
        foreach (var m in matches)
        {
            if (action == "remove")
            {
                if (node is JsonObject o) o.Remove(m.Name);
            }
            else if (m.Value is JsonArray array)
            {
                var sorted = array.Select(e => e?.DeepClone()).OrderBy(e => Write(e), StringComparer.Ordinal).ToList();
                array.Clear();
                foreach (var e in sorted) array.Add(e);
            }
        }
    }

    private static IEnumerable<(string Name, JsonNode? Value)> Children(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => (p.Key, p.Value)).ToList(),
        JsonArray a => a.Select((e, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), e)).ToList(),
        _ => [],
    };

    /// <summary>JSON text with object members ordered by name.</summary>
    public static string Write(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder b)
    {
        switch (node)
        {
            case null:
                b.Append("null");
                break;
            case JsonObject o:
                b.Append('{');
                var first = true;
                foreach (var p in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first) b.Append(',');
                    first = false;
                    b.Append(JsonSerializer.Serialize(p.Key)).Append(':');
                    Write(p.Value, b);
                }
                b.Append('}');
                break;
            case JsonArray a:
                b.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0) b.Append(',');
                    Write(a[i], b);
                }
                b.Append(']');
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                // 1, 1.0 and 1E0 are one number to every client
                var text = v.ToJsonString();
                b.Append(decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
                    ? (d / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : text);
                break;
            default:
                b.Append(node.ToJsonString());
                break;
        }
    }
}
