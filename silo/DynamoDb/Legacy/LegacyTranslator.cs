using System.Text.Json;
using DataTier.Errors;
using DataTier.Keys;
using DataTier.Model;

namespace DataTier.Silo.DynamoDb.Legacy;

/// <summary>
/// Turns DynamoDB's legacy parameters (Expected, KeyConditions, QueryFilter, ScanFilter,
/// AttributeUpdates, AttributesToGet, ConditionalOperator) into the equivalent expressions, so one
/// engine evaluates both forms.
/// </summary>
public static class LegacyTranslator
{
    private const string Invalid = "One or more parameter values were invalid: ";

    /// <summary>Expected: per attribute, Value/Exists or ComparisonOperator/AttributeValueList, joined by ConditionalOperator.</summary>
    public static string Expected(JsonElement expected, string? conditionalOperator, LegacyExpressionBuilder b)
    {
        var parts = new List<string>();
        foreach (var entry in expected.EnumerateObject())
        {
            var c = new ApiRequest(entry.Value);
            var op = c.String("ComparisonOperator");
            var hasValue = entry.Value.TryGetProperty("Value", out var v) && v.ValueKind != JsonValueKind.Null;
            var exists = c.Bool("Exists");
            if (op is not null)
            {
                if (exists is not null)
                    throw DynamoException.Validation($"{Invalid}Exists and ComparisonOperator cannot be used together for Attribute: {entry.Name}");
                var list = c.Array("AttributeValueList");
                if (list is not null && hasValue)
                    throw DynamoException.Validation($"{Invalid}Value and AttributeValueList cannot be used together for Attribute: {entry.Name}");
                if (list is null && !hasValue && op is not ("NULL" or "NOT_NULL") && KnownOperator(op))
                    throw DynamoException.Validation($"{Invalid}Value or AttributeValueList must be used with ComparisonOperator: {op} for Attribute: {entry.Name}");
                var values = list is { } l ? l.EnumerateArray().Select(AttributeValueJson.Read).ToList()
                    : hasValue ? [AttributeValueJson.Read(v)] : [];
                parts.Add(Comparison(entry.Name, op, values, b, keyCondition: false, $"expected.{entry.Name}.member.comparisonOperator"));
            }
            else if (c.Array("AttributeValueList") is not null)
            {
                throw DynamoException.Validation($"{Invalid}AttributeValueList can only be used with a ComparisonOperator for Attribute: {entry.Name}");
            }
            else if (exists == false)
            {
                if (hasValue) throw DynamoException.Validation($"{Invalid}Value cannot be used when Exists is false for Attribute: {entry.Name}");
                parts.Add($"attribute_not_exists({b.Name(entry.Name)})");
            }
            else
            {
                if (!hasValue)
                    throw DynamoException.Validation($"{Invalid}Value must be provided when Exists is {(exists is null ? "null" : "true")} for Attribute: {entry.Name}");
                parts.Add($"{b.Name(entry.Name)} = {b.Value(AttributeValueJson.Read(v))}");
            }
        }
        return Join(parts, conditionalOperator);
    }

    /// <summary>KeyConditions, QueryFilter and ScanFilter: per attribute a ComparisonOperator and its AttributeValueList.</summary>
    public static string Conditions(JsonElement conditions, string? conditionalOperator, LegacyExpressionBuilder b, bool keyCondition)
    {
        var parts = new List<string>();
        foreach (var entry in conditions.EnumerateObject())
        {
            var c = new ApiRequest(entry.Value);
            var op = c.Required(c.String("ComparisonOperator"), $"{(keyCondition ? "keyConditions" : "queryFilter")}.{entry.Name}.member.comparisonOperator");
            c.ThrowIfInvalid();
            var values = c.Array("AttributeValueList") is { } l ? l.EnumerateArray().Select(AttributeValueJson.Read).ToList() : [];
            parts.Add(Comparison(entry.Name, op!, values, b, keyCondition, $"{(keyCondition ? "keyConditions" : "queryFilter")}.{entry.Name}.member.comparisonOperator", checkTypes: true));
        }
        return Join(parts, keyCondition ? "AND" : conditionalOperator);
    }

    /// <summary>AttributeUpdates: PUT (the default), DELETE (of the attribute, or of set members) and ADD.</summary>
    public static string AttributeUpdates(JsonElement updates, LegacyExpressionBuilder b)
    {
        var set = new List<string>();
        var remove = new List<string>();
        var add = new List<string>();
        var delete = new List<string>();
        foreach (var entry in updates.EnumerateObject())
        {
            var u = new ApiRequest(entry.Value);
            var action = u.String("Action") ?? "PUT";
            var hasValue = entry.Value.TryGetProperty("Value", out var v) && v.ValueKind != JsonValueKind.Null;
            var name = b.Name(entry.Name);
            switch (action)
            {
                case "PUT":
                    if (!hasValue) throw DynamoException.Validation($"{Invalid}Only DELETE action is allowed when no attribute value is specified");
                    set.Add($"{name} = {b.Value(AttributeValueJson.Read(v))}");
                    break;
                case "DELETE":
                    if (hasValue) delete.Add($"{name} {b.Value(AttributeValueJson.Read(v))}");
                    else remove.Add(name);
                    break;
                case "ADD":
                    if (!hasValue) throw DynamoException.Validation($"{Invalid}Only DELETE action is allowed when no attribute value is specified");
                    add.Add($"{name} {b.Value(AttributeValueJson.Read(v))}");
                    break;
                default:
                    throw DynamoException.Validation($"1 validation error detected: Value '{action}' at 'attributeUpdates.{entry.Name}.member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
            }
        }
        var clauses = new List<string>();
        if (set.Count > 0) clauses.Add("SET " + string.Join(", ", set));
        if (remove.Count > 0) clauses.Add("REMOVE " + string.Join(", ", remove));
        if (add.Count > 0) clauses.Add("ADD " + string.Join(", ", add));
        if (delete.Count > 0) clauses.Add("DELETE " + string.Join(", ", delete));
        return string.Join(" ", clauses);
    }

    /// <summary>AttributesToGet: a list of top-level attribute names.</summary>
    public static string AttributesToGet(JsonElement names, LegacyExpressionBuilder b)
    {
        var list = names.EnumerateArray().Select(ApiRequest.AsString).ToList();
        if (list.Count != list.Distinct(StringComparer.Ordinal).Count())
            throw DynamoException.Validation($"{Invalid}Duplicate value in attribute name: {list.GroupBy(n => n).First(g => g.Count() > 1).Key}");
        return string.Join(", ", list.Select(b.Name));
    }

    /// <summary>KeyConditions, QueryFilter and ScanFilter: the types each operator accepts, as AWS checks them.</summary>
    private static void CheckOperandTypes(string op, List<AttrValue> values)
    {
        // only the ordering operators; EQ, NE, IN and CONTAINS also take BOOL, NULL, lists and maps today
        var allowed = op switch
        {
            "LE" or "LT" or "GE" or "GT" or "BETWEEN" => "S N B",
            "BEGINS_WITH" => "S B",
            _ => null,
        };
        if (allowed is null) return;
        foreach (var v in values)
            if (!allowed.Split(' ').Contains(v.Type.ToString()))
                throw DynamoException.Validation($"{Invalid}ComparisonOperator {op} is not valid for {v.Type} AttributeValue type");
    }

    private static bool Comparable(string op, List<AttrValue> values) => op switch
    {
        "LE" or "LT" or "GE" or "GT" or "BETWEEN" => values[0].Type is AttrType.S or AttrType.N or AttrType.B,
        "BEGINS_WITH" => values[0].Type is AttrType.S or AttrType.B,
        _ => true,
    };

    private static bool KnownOperator(string op) =>
        op is "EQ" or "NE" or "LE" or "LT" or "GE" or "GT" or "CONTAINS" or "NOT_CONTAINS" or "BEGINS_WITH" or "NULL" or "NOT_NULL" or "BETWEEN" or "IN";

    /// <summary>
    /// A condition of Expected, KeyConditions, QueryFilter or ScanFilter, checked in AWS's order: the argument count,
    /// one type for all arguments, the operator's types (not for Expected), a BETWEEN's bounds in order.
    /// </summary>
    private static string Comparison(string attribute, string op, List<AttrValue> values, LegacyExpressionBuilder b, bool keyCondition, string parameter,
        bool checkTypes = false)
    {
        var expected = op switch
        {
            "EQ" or "NE" or "LE" or "LT" or "GE" or "GT" or "CONTAINS" or "NOT_CONTAINS" or "BEGINS_WITH" => 1,
            "NULL" or "NOT_NULL" => 0,
            "BETWEEN" => 2,
            "IN" => -1,
            _ => throw DynamoException.Validation($"1 validation error detected: Value '{op}' at '{parameter}' failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]"),
        };
        if (expected >= 0 ? values.Count != expected : values.Count == 0)
            throw DynamoException.Validation($"{Invalid}Invalid number of argument(s) for the {op} ComparisonOperator");
        if (values.Any(v => v.Type != values[0].Type))
            throw DynamoException.Validation($"{Invalid}AttributeValues inside AttributeValueList must be of same type");
        if (checkTypes) CheckOperandTypes(op, values);
        if (op == "BETWEEN" && values[0].Type is AttrType.S or AttrType.N or AttrType.B && KeyBytes.Compare(values[0], values[1]) > 0)
            throw DynamoException.Validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        if (keyCondition && op is not ("EQ" or "LE" or "LT" or "GE" or "GT" or "BEGINS_WITH" or "BETWEEN"))
            throw DynamoException.Validation("Attempted conditional constraint is not an indexable operation");
        var name = b.Name(attribute);
        // Expected checks no operand types (QueryFilter and ScanFilter do): an operator given a type it cannot compare
        // fails, where the expression it would become is refused. (dynalite's BEGINS_WITH of a number compares a number
        // attribute's digits as text; AWS's answer is not recorded.)
        if (!checkTypes && !keyCondition && !Comparable(op, values)) return $"attribute_exists({name}) AND attribute_not_exists({name})";
        return op switch
        {
            "EQ" => $"{name} = {b.Value(values[0])}",
            "NE" => $"{name} <> {b.Value(values[0])}",
            "LE" => $"{name} <= {b.Value(values[0])}",
            "LT" => $"{name} < {b.Value(values[0])}",
            "GE" => $"{name} >= {b.Value(values[0])}",
            "GT" => $"{name} > {b.Value(values[0])}",
            "NULL" => $"attribute_not_exists({name})",
            "NOT_NULL" => $"attribute_exists({name})",
            "CONTAINS" => $"contains({name}, {b.Value(values[0])})",
            // no parentheses of its own: Join puts each condition in one pair, and a second would be refused as redundant
            "NOT_CONTAINS" => $"attribute_exists({name}) AND NOT contains({name}, {b.Value(values[0])})",
            "BEGINS_WITH" => $"begins_with({name}, {b.Value(values[0])})",
            "BETWEEN" => $"{name} BETWEEN {b.Value(values[0])} AND {b.Value(values[1])}",
            _ => $"{name} IN ({string.Join(", ", values.Select(b.Value))})",
        };
    }

    private static string Join(List<string> parts, string? conditionalOperator)
    {
        var op = conditionalOperator ?? "AND";
        if (op is not ("AND" or "OR"))
            throw DynamoException.Validation($"1 validation error detected: Value '{op}' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [OR, AND]");
        return string.Join($" {op} ", parts.Select(p => $"({p})"));
    }
}
