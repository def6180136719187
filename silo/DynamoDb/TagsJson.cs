using System.Text.Json;

namespace DataTier.Silo.DynamoDb;

/// <summary>A <c>Tags</c> list of <c>{"Key", "Value"}</c> members, as TagResource and CreateTable take it.</summary>
internal static class TagsJson
{
    public static Dictionary<string, string> Read(JsonElement list)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in list.EnumerateArray())
        {
            var tag = new ApiRequest(e);
            var key = tag.Required(tag.String("Key"), "tags.member.key");
            var value = tag.Required(tag.String("Value"), "tags.member.value");
            tag.ThrowIfInvalid();
            tags[key!] = value!;
        }
        return tags;
    }
}
