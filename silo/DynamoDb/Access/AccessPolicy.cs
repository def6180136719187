using System.Text.Json;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// An IAM identity-based policy document given to an access key (<c>Endpoints:DynamoDb:Policies</c>): its statements'
/// Effect, Action or NotAction, Resource or NotResource. Conditions are refused rather than ignored, as a statement
/// that ignored its condition would allow more than it says.
/// </summary>
public sealed class AccessPolicy(IReadOnlyList<PolicyStatement> statements)
{
    public IReadOnlyList<PolicyStatement> Statements { get; } = statements;

    public AccessDecision Decide(string action, string resource)
    {
        var allowed = false;
        foreach (var statement in Statements)
        {
            if (!statement.Applies(action, resource)) continue;
            if (!statement.Allow) return AccessDecision.ExplicitDeny;
            allowed = true;
        }
        return allowed ? AccessDecision.Allowed : AccessDecision.ImplicitDeny;
    }

    /// <summary>Reads a policy document; <see cref="ArgumentException"/> naming what is wrong with it.</summary>
    public static AccessPolicy Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"is not a JSON policy document: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Statement", out var statement))
                throw new ArgumentException("has no Statement");
            var list = statement.ValueKind == JsonValueKind.Array ? statement.EnumerateArray().ToList() : [statement];
            if (list.Count == 0) throw new ArgumentException("has no Statement");
            return new AccessPolicy(list.Select(ParseStatement).ToList());
        }
    }

    private static PolicyStatement ParseStatement(JsonElement s)
    {
        if (s.ValueKind != JsonValueKind.Object) throw new ArgumentException("has a Statement that is not an object");
        foreach (var member in s.EnumerateObject())
            if (member.Name is not ("Sid" or "Effect" or "Action" or "NotAction" or "Resource" or "NotResource"))
                throw new ArgumentException($"has a Statement with {member.Name}, which is not supported here (Sid, Effect, Action, NotAction, Resource and NotResource are)");
        var effect = s.TryGetProperty("Effect", out var e) ? e.GetString() : null;
        if (effect is not ("Allow" or "Deny")) throw new ArgumentException("has a Statement whose Effect is neither Allow nor Deny");
        var (actions, notAction) = OneOf(s, "Action", "NotAction");
        var (resources, notResource) = OneOf(s, "Resource", "NotResource");
        return new PolicyStatement(effect == "Allow", actions, notAction, resources, notResource);
    }

    private static (IReadOnlyList<string> Values, bool Not) OneOf(JsonElement s, string name, string notName)
    {
        var has = s.TryGetProperty(name, out var value);
        var hasNot = s.TryGetProperty(notName, out var notValue);
        if (has == hasNot) throw new ArgumentException($"has a Statement without exactly one of {name} and {notName}");
        var element = has ? value : notValue;
        var values = element.ValueKind switch
        {
            JsonValueKind.String => [element.GetString()!],
            JsonValueKind.Array when element.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String) => element.EnumerateArray().Select(x => x.GetString()!).ToList(),
            _ => throw new ArgumentException($"has a Statement whose {(has ? name : notName)} is neither a string nor a list of strings"),
        };
        return (values, hasNot);
    }
}
