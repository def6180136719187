using System.Text.Json;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// An IAM identity-based policy document given to an access key (<c>Endpoints:DynamoDb:Policies</c>): its statements'
/// Effect, Action or NotAction, Resource or NotResource, and Conditions on the keys of <see cref="ConditionKeys"/>. Other
/// condition keys and operators, and Principal, are refused rather than ignored, as a statement that ignored its
/// condition would allow more than it says.
/// </summary>
public sealed class AccessPolicy
{
    private readonly HashSet<string> _keys;

    public AccessPolicy(IReadOnlyList<PolicyStatement> statements)
    {
        Statements = statements;
        _keys = statements
            .SelectMany(s => (s.Conditions ?? []).SelectMany(c => c.Values.SelectMany(v => v.Keys).Append(c.Key)).Concat(s.Resources.SelectMany(r => r.Keys)))
            .ToHashSet(StringComparer.Ordinal);
        TestsResourceTags = _keys.Any(k => k.StartsWith(ConditionKeys.ResourceTagPrefix, StringComparison.Ordinal));
    }

    public IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>Whether any statement tests <paramref name="key"/>, or puts it in through a policy variable, so requests need its values worked out.</summary>
    public bool Tests(string key) => _keys.Contains(key);

    /// <summary>Whether any statement asks for a tag of the resource (aws:ResourceTag/KEY).</summary>
    public bool TestsResourceTags { get; }

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
            if (member.Name is "Principal" or "NotPrincipal")
                throw new ArgumentException($"has a Statement with {member.Name}: an identity-based policy names no principal (it applies to the access key it is given to), and IAM refuses one that does");
            else if (member.Name is not ("Sid" or "Effect" or "Action" or "NotAction" or "Resource" or "NotResource" or "Condition"))
                throw new ArgumentException($"has a Statement with {member.Name}, which is not supported here (Sid, Effect, Action, NotAction, Resource, NotResource and Condition are)");
        var effect = s.TryGetProperty("Effect", out var e) ? e.GetString() : null;
        if (effect is not ("Allow" or "Deny")) throw new ArgumentException("has a Statement whose Effect is neither Allow nor Deny");
        var (actions, notAction) = OneOf(s, "Action", "NotAction");
        var (resources, notResource) = OneOf(s, "Resource", "NotResource");
        var conditions = s.TryGetProperty("Condition", out var c) && ParseConditions(c) is { Count: > 0 } parsed ? parsed : null;
        return new PolicyStatement(effect == "Allow", actions, notAction, resources.Select(ParseResource).ToList(), notResource, conditions);
    }

    /// <summary>Condition: { "OPERATOR": { "KEY": value or [values], ... }, ... }.</summary>
    private static List<PolicyCondition> ParseConditions(JsonElement c)
    {
        if (c.ValueKind != JsonValueKind.Object) throw new ArgumentException("has a Condition that is not an object");
        var conditions = new List<PolicyCondition>();
        foreach (var block in c.EnumerateObject())
        {
            var op = ConditionOperator.Parse(block.Name)
                ?? throw new ArgumentException($"has a Condition operator {block.Name}, which is not supported here (the String, Numeric, Date, Bool, IpAddress, Arn and Null operators are, with IfExists and ForAllValues:/ForAnyValue:)");
            if (block.Value.ValueKind != JsonValueKind.Object) throw new ArgumentException($"has a Condition {block.Name} that is not an object");
            foreach (var member in block.Value.EnumerateObject())
            {
                var key = ConditionKeys.Canonical(member.Name)
                    ?? throw new ArgumentException($"has a Condition on {member.Name}, which is not served here ({string.Join(", ", ConditionKeys.All)} are)");
                if (ConditionKeys.IsMultivalued(key) != (op.Qualifier != SetQualifier.None) && op.Test != ConditionTest.Null)
                    throw new ArgumentException(ConditionKeys.IsMultivalued(key)
                        ? $"has a Condition {block.Name} on {key}, which has several values: it needs ForAllValues: or ForAnyValue:"
                        : $"has a Condition {block.Name} on {key}, which has one value: ForAllValues: and ForAnyValue: are for keys with several");
                if (op.IsArn && !ConditionKeys.IsArn(key))
                    throw new ArgumentException($"has a Condition {block.Name} on {key}, whose values are not ARNs: the ARN operators compare {ConditionKeys.PrincipalArn}");
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
                conditions.Add(new PolicyCondition(op, key, values.Select(v => ConditionValue(op, block.Name, key, v)).ToList()));
            }
        }
        return conditions;
    }

    /// <summary>IAM puts policy variables in the values of string and ARN operators only; others take theirs as written.</summary>
    private static PolicyValue ConditionValue(ConditionOperator op, string name, string key, string value)
    {
        if (!op.TakesVariables) return PolicyValue.Literal(value);
        try
        {
            return PolicyValue.Parse(value);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"has a Condition {name} on {key} whose value {value} {e.Message}");
        }
    }

    private static PolicyValue ParseResource(string resource)
    {
        try
        {
            return PolicyValue.Parse(resource);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"has a Resource {resource} that {e.Message}");
        }
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
