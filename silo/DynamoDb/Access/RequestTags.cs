using System.Text.Json;
using static DataTier.Silo.DynamoDb.Access.RequestJson;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// The tags a request carries, as IAM's request context has them: <c>aws:RequestTag/KEY</c> the Tags of TagResource and
/// CreateTable, <c>aws:TagKeys</c> their keys, or UntagResource's TagKeys. Read before the operation validates them:
/// a malformed tag is left out (the operation then refuses the request).
/// </summary>
public static class RequestTags
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, string> Of(string operation, JsonElement root)
    {
        if (operation is not ("TagResource" or "CreateTable") || Member(root, "Tags") is not { ValueKind: JsonValueKind.Array } list) return None;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in list.EnumerateArray())
            if (Text(tag, "Key") is { } key && Text(tag, "Value") is { } value) tags[key] = value;
        return tags;
    }

    public static IReadOnlyList<string> KeysOf(string operation, JsonElement root) => operation switch
    {
        "TagResource" or "CreateTable" => Of(operation, root).Keys.ToList(),
        "UntagResource" when Member(root, "TagKeys") is { ValueKind: JsonValueKind.Array } keys =>
            keys.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!).Distinct(StringComparer.Ordinal).ToList(),
        _ => [],
    };
}
