using System.Text.Json;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>Reading a request's members for authorization, before the operation validates them: absent or mistyped is null.</summary>
internal static class RequestJson
{
    public static JsonElement? Member(JsonElement? o, string name) =>
        o is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var v) ? v : null;

    public static string? Text(JsonElement? o, string name) => Member(o, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
