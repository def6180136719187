using System.Text.Json;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// An IAM identity-based policy document given to an access key (<c>Endpoints:DynamoDb:Policies</c>): its statements'
/// Effect, Action or NotAction, Resource or NotResource, and conditions on <c>dynamodb:LeadingKeys</c>. Other condition
/// keys and operators are refused rather than ignored, as a statement that ignored its condition would allow more than
/// it says.
/// </summary>
public sealed class AccessPolicy(IReadOnlyList<PolicyStatement> statements)
{
    public IReadOnlyList<PolicyStatement> Statements { get; } = statements;

    /// <summary>Whether any statement has a condition, so requests need their leading keys worked out.</summary>
    public bool HasConditions => Statements.Any(s => s.Conditions is not null);

    public AccessDecision Decide(string action, string resource, IReadOnlyCollection<string>? leadingKeys = null, string accessKeyId = "")
        => Decide(action, resource, leadingKeys, accessKeyId, known: true);

    /// <param name="known">False when the request's leading keys could not be worked out (<paramref name="leadingKeys"/> is then ignored).</param>
    public AccessDecision Decide(string action, string resource, IReadOnlyCollection<string>? leadingKeys, string accessKeyId, bool known)
    {
        var allowed = false;
        foreach (var statement in Statements)
        {
            if (!statement.Applies(action, resource, known ? leadingKeys ?? [] : null, accessKeyId)) continue;
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
            if (member.Name is not ("Sid" or "Effect" or "Action" or "NotAction" or "Resource" or "NotResource" or "Condition"))
                throw new ArgumentException($"has a Statement with {member.Name}, which is not supported here (Sid, Effect, Action, NotAction, Resource, NotResource and Condition are)");
        var effect = s.TryGetProperty("Effect", out var e) ? e.GetString() : null;
        if (effect is not ("Allow" or "Deny")) throw new ArgumentException("has a Statement whose Effect is neither Allow nor Deny");
        var (actions, notAction) = OneOf(s, "Action", "NotAction");
        var (resources, notResource) = OneOf(s, "Resource", "NotResource");
        var conditions = s.TryGetProperty("Condition", out var c) && ParseConditions(c) is { Count: > 0 } parsed ? parsed : null;
        return new PolicyStatement(effect == "Allow", actions, notAction, resources, notResource, conditions);
    }

    /// <summary>Condition: { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": [ ... ] } }, and ForAnyValue, and StringLike.</summary>
    private static List<PolicyCondition> ParseConditions(JsonElement c)
    {
        if (c.ValueKind != JsonValueKind.Object) throw new ArgumentException("has a Condition that is not an object");
        var conditions = new List<PolicyCondition>();
        foreach (var block in c.EnumerateObject())
        {
            var (forAll, like) = block.Name switch
            {
                "ForAllValues:StringEquals" => (true, false),
                "ForAllValues:StringLike" => (true, true),
                "ForAnyValue:StringEquals" => (false, false),
                "ForAnyValue:StringLike" => (false, true),
                _ => throw new ArgumentException($"has a Condition operator {block.Name}, which is not supported here (ForAllValues: or ForAnyValue: with StringEquals or StringLike are)"),
            };
            if (block.Value.ValueKind != JsonValueKind.Object) throw new ArgumentException($"has a Condition {block.Name} that is not an object");
            foreach (var key in block.Value.EnumerateObject())
            {
                if (key.Name != "dynamodb:LeadingKeys")
                    throw new ArgumentException($"has a Condition on {key.Name}, which is not supported here (dynamodb:LeadingKeys is)");
                var values = key.Value.ValueKind switch
                {
                    JsonValueKind.String => [key.Value.GetString()!],
                    JsonValueKind.Array when key.Value.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String) => key.Value.EnumerateArray().Select(x => x.GetString()!).ToList(),
                    _ => throw new ArgumentException($"has a Condition on {key.Name} whose values are neither a string nor a list of strings"),
                };
                conditions.Add(new PolicyCondition(forAll, like, values));
            }
        }
        return conditions;
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
