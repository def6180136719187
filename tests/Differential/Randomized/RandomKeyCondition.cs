using System.Text.Json.Nodes;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>
/// A Query's key condition before it is written: the partition key's value and, optionally, one sort key test
/// (=, &lt;, &lt;=, &gt;, &gt;=, BETWEEN or begins_with), written as a KeyConditionExpression or as legacy KeyConditions.
/// </summary>
internal sealed record RandomKeyCondition(string Hash, JsonObject HashValue, string? Sort, string? Op, JsonObject[] Operands)
{
    private static readonly Dictionary<string, string> LegacyOperators = new()
    {
        ["="] = "EQ", ["<"] = "LT", ["<="] = "LE", [">"] = "GT", [">="] = "GE", ["BETWEEN"] = "BETWEEN", ["begins_with"] = "BEGINS_WITH",
    };

    public string Expression(ExpressionPlaceholders p, bool nameHash, bool nameSort, bool sortFirst)
    {
        var hash = (nameHash ? p.Name(Hash) : Hash) + " = " + p.Value(HashValue.DeepClone());
        if (Sort is null) return hash;
        var path = nameSort ? p.Name(Sort) : Sort;
        var sort = Op switch
        {
            "BETWEEN" => path + " BETWEEN " + p.Value(Operands[0].DeepClone()) + " AND " + p.Value(Operands[1].DeepClone()),
            "begins_with" => "begins_with(" + path + ", " + p.Value(Operands[0].DeepClone()) + ")",
            _ => path + " " + Op + " " + p.Value(Operands[0].DeepClone()),
        };
        return sortFirst ? sort + " AND " + hash : hash + " AND " + sort;
    }

    public JsonObject Legacy()
    {
        var conditions = new JsonObject
        {
            [Hash] = new JsonObject { ["ComparisonOperator"] = "EQ", ["AttributeValueList"] = new JsonArray(HashValue.DeepClone()) },
        };
        if (Sort is not null)
            conditions[Sort] = new JsonObject
            {
                ["ComparisonOperator"] = LegacyOperators[Op!],
                ["AttributeValueList"] = new JsonArray(Operands.Select(o => o.DeepClone()).ToArray()),
            };
        return conditions;
    }
}
