using System.Text.Json;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// An IAM identity-based policy document given to an access key (<c>Endpoints:DynamoDb:Policies</c>): its statements'
/// Effect, Action or NotAction, Resource or NotResource, and Conditions on the keys of <see cref="ConditionKeys"/>. Other
/// condition keys and operators are refused rather than ignored, as a statement that ignored its condition would allow
/// more than it says.
/// </summary>
public sealed class AccessPolicy(IReadOnlyList<PolicyStatement> statements)
{
    public IReadOnlyList<PolicyStatement> Statements { get; } = statements;

    /// <summary>Whether any statement tests <paramref name="key"/>, so requests need its values worked out.</summary>
    public bool Tests(string key) => Statements.Any(s => s.Conditions?.Any(c => c.Key == key) == true);

    public AccessDecision Decide(string action, string resource, AccessContext? context = null)
    {
        context ??= new AccessContext();
        var allowed = false;
        foreach (var statement in Statements)
        {
            if (!statement.Applies(action, resource, context)) continue;
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

    /// <summary>Condition: { "OPERATOR": { "KEY": value or [values], ... }, ... }.</summary>
    private static List<PolicyCondition> ParseConditions(JsonElement c)
    {
        if (c.ValueKind != JsonValueKind.Object) throw new ArgumentException("has a Condition that is not an object");
        var conditions = new List<PolicyCondition>();
        foreach (var block in c.EnumerateObject())
        {
            var op = ConditionOperator.Parse(block.Name)
                ?? throw new ArgumentException($"has a Condition operator {block.Name}, which is not supported here (the String, Numeric, Date, Bool, IpAddress and Null operators are, with IfExists and ForAllValues:/ForAnyValue:)");
            if (block.Value.ValueKind != JsonValueKind.Object) throw new ArgumentException($"has a Condition {block.Name} that is not an object");
            foreach (var member in block.Value.EnumerateObject())
            {
                var key = ConditionKeys.Canonical(member.Name)
                    ?? throw new ArgumentException($"has a Condition on {member.Name}, which is not supported here ({string.Join(", ", ConditionKeys.All)} are)");
                if (ConditionKeys.IsMultivalued(key) != (op.Qualifier != SetQualifier.None) && op.Test != ConditionTest.Null)
                    throw new ArgumentException(ConditionKeys.IsMultivalued(key)
                        ? $"has a Condition {block.Name} on {key}, which has several values: it needs ForAllValues: or ForAnyValue:"
                        : $"has a Condition {block.Name} on {key}, which has one value: ForAllValues: and ForAnyValue: are for keys with several");
                var values = member.Value.ValueKind switch
                {
                    JsonValueKind.String or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number => [Scalar(member.Value)],
                    JsonValueKind.Array when member.Value.EnumerateArray().All(x => x.ValueKind is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number)
                        => member.Value.EnumerateArray().Select(Scalar).ToList(),
                    _ => throw new ArgumentException($"has a Condition on {key} whose values are neither a string nor a list of strings"),
                };
                foreach (var value in values)
                    if (ConditionValues.Problem(op.Test, value) is { } problem)
                        throw new ArgumentException($"has a Condition {block.Name} on {key} whose value {value} {problem}");
                conditions.Add(new PolicyCondition(op, key, values));
            }
        }
        return conditions;
    }

    /// <summary>A condition value as IAM reads it: JSON's true, false and numbers as their text.</summary>
    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

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
