using System.Text.Json.Nodes;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>
/// Condition, filter, update and projection expressions over a small pool of attribute names, with their values and
/// (now and then) names as placeholders; mostly valid, sometimes not in the ways DynamoDB checks.
/// </summary>
internal sealed class RandomExpressions(RandomValues values)
{
    /// <summary>Non-key attributes: numbers in n, lists in l, maps in m, sets in s by habit only, so types meet.</summary>
    public static readonly string[] Attributes = ["a", "b", "n", "l", "m", "s", "ls"];
    private static readonly string[] Comparators = ["=", "<>", "<", "<=", ">", ">="];

    public string Path(ExpressionPlaceholders p, IReadOnlyList<string>? names = null)
    {
        var top = Name(p, values.Pick(names ?? Attributes));
        return values.Next(0, 20) switch
        {
            < 13 => top,
            < 16 => top + "." + Name(p, values.Pick(new[] { "x", "y", "n" })),
            < 19 => top + "[" + values.Pick(new[] { 0, 1, 5 }) + "]",
            _ => top + "[0]." + Name(p, "x"),
        };
    }

    private string Name(ExpressionPlaceholders p, string name) => values.Chance(0.3) ? p.Name(name) : name;

    public string Condition(ExpressionPlaceholders p, int depth = 2)
    {
        if (depth > 0)
        {
            switch (values.Next(0, 20))
            {
                case < 3: return Parenthesised(Condition(p, depth - 1)) + " AND " + Parenthesised(Condition(p, depth - 1));
                case < 5: return Parenthesised(Condition(p, depth - 1)) + " OR " + Parenthesised(Condition(p, depth - 1));
                case 5:
                    // NOT right after NOT: dynalite's grammar refuses it as a syntax error, DynamoDB's documented grammar
                    // (NOT condition) takes it
                    var inner = Condition(p, depth - 1);
                    return inner.StartsWith("NOT ", StringComparison.Ordinal) ? inner : "NOT " + inner;
            }
        }
        return values.Next(0, 11) switch
        {
            0 => PathComparison(p),
            < 3 => Comparison(p),
            3 => Path(p) + " BETWEEN " + p.Value(values.Operand()) + " AND " + p.Value(values.Operand()),
            4 => Path(p) + " IN (" + string.Join(", ", Enumerable.Range(0, values.Next(1, 4)).Select(_ => p.Value(values.Operand()))) + ")",
            5 => "attribute_exists(" + Path(p) + ")",
            6 => "attribute_not_exists(" + Path(p) + ")",
            7 => "attribute_type(" + Path(p) + ", " + p.Value(new JsonObject { ["S"] = values.Chance(0.95) ? values.Pick(RandomValues.TypeNames) : "X" }) + ")",
            8 => "begins_with(" + Path(p) + ", " + p.Value(values.Chance(0.8) ? values.String() : values.Operand()) + ")",
            9 => "contains(" + Path(p) + ", " + p.Value(values.Operand()) + ")",
            _ => "size(" + Path(p) + ") " + values.Pick(Comparators) + " " + p.Value(values.Chance(0.9) ? values.Number() : values.Operand()),
        };
    }

    /// <summary>Now and then in parentheses, rarely in two pairs, which DynamoDB refuses as redundant.</summary>
    private string Parenthesised(string condition) => values.Next(0, 50) switch
    {
        < 5 => "(" + condition + ")",
        5 => "((" + condition + "))",
        _ => condition,
    };

    /// <summary>
    /// Two paths compared, each guarded by attribute_exists: dynalite finds two missing attributes equal (its compare
    /// takes both types as null), where DynamoDB's comparison with a missing operand is false.
    /// An ordering comparison (&lt;, &lt;=, &gt;, &gt;=) only of strings, numbers and binaries: dynalite orders values of any
    /// other type too (by their text), where DynamoDB's comparison is false.
    /// </summary>
    private string PathComparison(ExpressionPlaceholders p)
    {
        var (left, right, op) = (Path(p), Path(p), values.Pick(Comparators));
        var guard = op is "=" or "<>" ? $"attribute_exists({left})" : $"attribute_type({left}, {p.Value(new JsonObject { ["S"] = values.Pick(new[] { "S", "N", "B" }) })})";
        return $"{guard} AND attribute_exists({right}) AND {left} {op} {right}";
    }

    private string Comparison(ExpressionPlaceholders p)
    {
        var op = values.Pick(Comparators);
        return Path(p) + " " + op + " " + p.Value(op is "=" or "<>" ? values.Operand() : values.Scalar());
    }

    /// <summary>
    /// An update expression of one to four actions; the actions mostly touch different attributes, but sometimes
    /// overlap, name a key attribute or misuse ADD and DELETE, which DynamoDB refuses.
    /// </summary>
    public string Update(ExpressionPlaceholders p, IReadOnlyList<string> keyNames)
    {
        var free = Attributes.ToList();
        var clauses = new Dictionary<string, List<string>>();
        for (var i = values.Next(1, 5); i > 0; i--)
        {
            string target;
            if (values.Chance(0.03)) target = values.Pick(keyNames);
            else if (free.Count == 0 || values.Chance(0.07)) target = values.Pick(Attributes);
            else
            {
                target = values.Pick(free);
                free.Remove(target);
            }
            var path = Path(p, [target]);
            var (clause, action) = values.Next(0, 20) switch
            {
                < 12 => ("SET", path + " = " + SetValue(p)),
                < 15 => ("REMOVE", path),
                < 18 => ("ADD", path + " " + p.Value(AddOperand())),
                _ => ("DELETE", path + " " + p.Value(values.Chance(0.9) ? values.AnySet() : values.Any(1))),
            };
            if (!clauses.TryGetValue(clause, out var actions)) clauses[clause] = actions = [];
            actions.Add(action);
        }
        return string.Join(" ", clauses.OrderBy(_ => values.Next(0, 100)).Select(c => c.Key + " " + string.Join(", ", c.Value)));
    }

    private JsonObject AddOperand() => values.Next(0, 10) switch
    {
        < 5 => values.Number(),
        < 9 => values.AnySet(),
        _ => values.Any(1),
    };

    private string SetValue(ExpressionPlaceholders p) => values.Next(0, 20) switch
    {
        < 8 => p.Value(values.Any()),
        8 => Path(p),
        < 11 => Path(p, ["n", "a"]) + " " + values.Pick(new[] { "+", "-" }) + " " + p.Value(values.Chance(0.9) ? values.Number() : values.Any(1)),
        11 => p.Value(values.Number()) + " - " + Path(p, ["n"]),
        < 15 => "if_not_exists(" + Path(p) + ", " + p.Value(values.Any()) + ")",
        < 17 => "list_append(" + Path(p, ["l", "a"]) + ", " + p.Value(values.Chance(0.9) ? values.List(1) : values.Any(1)) + ")",
        _ => "list_append(" + p.Value(values.List(1)) + ", " + Path(p, ["l"]) + ")",
    };

    /// <summary>One to three paths, now and then with one twice (which DynamoDB refuses as overlapping).</summary>
    public string Projection(ExpressionPlaceholders p, IReadOnlyList<string> keyNames)
    {
        var names = Attributes.Concat(keyNames).ToList();
        return string.Join(", ", Enumerable.Range(0, values.Next(1, 4)).Select(_ => Path(p, names)));
    }
}
