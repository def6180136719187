using System.Text.Json.Nodes;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>
/// The legacy (pre-expression) parameters over the same attribute names as <see cref="RandomExpressions"/>:
/// KeyConditions, QueryFilter and ScanFilter, Expected, AttributeUpdates and AttributesToGet; mostly valid, now and
/// then with an argument count or a name DynamoDB refuses.
/// </summary>
internal sealed class RandomLegacy(RandomValues values)
{
    /// <summary>
    /// Not NOT_CONTAINS: on an item without the attribute dynalite finds it true, the project false, and neither AWS's
    /// documentation nor dynalite's record settles which DynamoDB does (open).
    /// </summary>
    private static readonly string[] Operators = ["EQ", "NE", "LE", "LT", "GE", "GT", "NOT_NULL", "NULL", "CONTAINS", "BEGINS_WITH", "IN", "BETWEEN"];

    /// <summary>One to three conditions on distinct top-level attributes; <paramref name="names"/> may hold key attributes.</summary>
    public JsonObject Conditions(IReadOnlyList<string> names)
    {
        var conditions = new JsonObject();
        for (var i = values.Next(1, 4); i > 0; i--)
        {
            var name = values.Pick(names);
            if (!conditions.ContainsKey(name)) conditions[name] = Condition(values.Pick(Operators));
        }
        return conditions;
    }

    /// <summary>
    /// AND beside several conditions, AND or OR beside one. No OR joining conditions: dynalite's OR is false whenever
    /// its first condition fails (it returns at the first failure), where DynamoDB's holds if any condition does (the
    /// expected-or deliberate difference is one case of it).
    /// </summary>
    public string? ConditionalOperator(JsonObject conditions)
    {
        if (conditions.Count < 2 && !values.Chance(0.1) || values.Chance(0.3)) return null;
        return conditions.Count > 1 || values.Chance(0.5) ? "AND" : "OR";
    }

    /// <summary>A condition with its operator's number of arguments (rarely one too many or too few).</summary>
    public JsonObject Condition(string op)
    {
        var count = op switch
        {
            "NULL" or "NOT_NULL" => 0,
            "BETWEEN" => 2,
            "IN" => values.Next(1, 4),
            _ => 1,
        };
        if (values.Chance(0.03)) count = count == 0 ? 1 : count - 1;
        var list = new JsonArray();
        for (var i = 0; i < count; i++) list.Add(Argument(op));
        var condition = new JsonObject { ["ComparisonOperator"] = op };
        if (count > 0 || values.Chance(0.5)) condition["AttributeValueList"] = list;
        return condition;
    }

    /// <summary>
    /// A scalar for ordering, IN, CONTAINS and BEGINS_WITH (a set or document there is refused in words dynalite keeps
    /// from 2013); a scalar or set for EQ and NE, which dynalite refuses for BOOL, NULL, lists and maps, as DynamoDB did
    /// before documents (2014) and no longer does.
    /// </summary>
    private JsonObject Argument(string op) => op is "EQ" or "NE" && values.Chance(0.2) ? values.AnySet()
        : op == "BEGINS_WITH" && values.Chance(0.8) ? values.String(allowEmpty: false) : values.Scalar();

    /// <summary>
    /// Expected: per attribute a value it must hold, Exists false, or a comparison. Not Exists true with a Value:
    /// dynalite takes it for "the attribute exists" and ignores the value, which DynamoDB compares.
    /// </summary>
    public JsonObject Expected(IReadOnlyList<string> names)
    {
        var expected = new JsonObject();
        for (var i = values.Next(1, 3); i > 0; i--)
        {
            var name = values.Pick(names);
            if (expected.ContainsKey(name)) continue;
            expected[name] = values.Next(0, 10) switch
            {
                < 3 => new JsonObject { ["Value"] = values.Scalar() },
                < 6 => new JsonObject { ["Exists"] = false },
                _ => Condition(values.Pick(Operators)),
            };
        }
        return expected;
    }

    /// <summary>AttributeUpdates: PUT, ADD or DELETE of whole attributes, now and then of a key attribute (refused).</summary>
    public JsonObject AttributeUpdates(IReadOnlyList<string> keyNames)
    {
        var updates = new JsonObject();
        for (var i = values.Next(1, 4); i > 0; i--)
        {
            var name = values.Chance(0.03) ? values.Pick(keyNames) : values.Pick(RandomExpressions.Attributes);
            if (updates.ContainsKey(name)) continue;
            updates[name] = values.Next(0, 10) switch
            {
                < 5 => new JsonObject { ["Action"] = "PUT", ["Value"] = values.Any() },
                < 7 => new JsonObject { ["Action"] = "ADD", ["Value"] = values.Chance(0.6) ? values.Number() : values.AnySet() },
                < 9 => new JsonObject { ["Action"] = "DELETE", ["Value"] = values.AnySet() },
                _ => new JsonObject { ["Action"] = "DELETE" },
            };
        }
        return updates;
    }

    /// <summary>One to three top-level names, rarely one twice (refused as a duplicate).</summary>
    public JsonArray AttributesToGet(IReadOnlyList<string> keyNames)
    {
        var names = RandomExpressions.Attributes.Concat(keyNames).ToList();
        var chosen = new List<string>();
        for (var i = values.Next(1, 4); i > 0; i--)
        {
            var name = values.Pick(names);
            if (!chosen.Contains(name) || values.Chance(0.05)) chosen.Add(name);
        }
        return new JsonArray(chosen.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
    }
}
