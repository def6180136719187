using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// Turns a statement's values (literals, <c>?</c>, lists, bags and tuples) into attribute values, with the request's
/// Parameters; an error names where in the value it is (<c>under root.m[1]</c>), as DynamoDB's do.
/// </summary>
public sealed class PartiQLValues(IReadOnlyList<AttrValue> parameters)
{
    private const string UnsupportedInBag = "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags";

    public static bool IsValue(PartiQLExpression expression) =>
        expression is LiteralExpression or NumberExpression or ParameterExpression or CollectionExpression or StructExpression;

    public AttrValue Evaluate(PartiQLExpression expression, string path = "root") => expression switch
    {
        LiteralExpression literal => literal.Value,
        NumberExpression number => Number(number.Text, path),
        ParameterExpression parameter => parameters[parameter.Index],
        CollectionExpression { IsBag: true } bag => Bag(bag.Items),
        CollectionExpression list => AttrValue.FromL(list.Items.Select((item, i) => Evaluate(item, $"{path}[{i}]")).ToList()),
        StructExpression tuple => Struct(tuple, path),
        MissingExpression => throw PartiQLErrors.Validation("MISSING must be compared using IS operator"),
        _ => throw PartiQLErrors.Validation($"Unsupported data type: {Describe(expression)} under key {path}"),
    };

    private static AttrValue Number(string text, string path)
    {
        try
        {
            return AttrValue.FromN(text);
        }
        catch (FormatException e)
        {
            throw PartiQLErrors.Validation($"{e.Message} under {path}");
        }
    }

    private AttrValue Bag(IReadOnlyList<PartiQLExpression> items)
    {
        if (items.Count == 0) throw PartiQLErrors.Validation("Empty bags are not supported");
        if (items.All(i => i is LiteralExpression { Value.Type: AttrType.S }))
        {
            var strings = items.Select(i => ((LiteralExpression)i).Value.Text!).ToList();
            if (strings.Distinct(StringComparer.Ordinal).Count() != strings.Count) throw PartiQLErrors.Validation("Input collection contains duplicates");
            return AttrValue.FromSS(strings);
        }
        if (items.All(i => i is NumberExpression))
        {
            var numbers = items.Select((i, index) => Number(((NumberExpression)i).Text, $"root[{index}]")).ToList();
            if (numbers.Distinct().Count() != numbers.Count) throw PartiQLErrors.Validation("Input collection contains duplicates");
            return AttrValue.FromNS(numbers.Select(n => n.Text!).ToList());
        }
        throw PartiQLErrors.Validation(UnsupportedInBag);
    }

    private AttrValue Struct(StructExpression tuple, string path)
    {
        var map = new Dictionary<string, AttrValue>(StringComparer.Ordinal);
        foreach (var (keyExpression, valueExpression) in tuple.Members)
        {
            var key = Evaluate(keyExpression, path);
            if (key.Type != AttrType.S) throw PartiQLErrors.Validation($"Tuple keys must be of type String. Actual type: {key.Type} under {path}");
            if (map.ContainsKey(key.Text!)) throw PartiQLErrors.Validation($"Duplicate keys in tuple. Key: {key.Text} under {path}");
            map[key.Text!] = Evaluate(valueExpression, $"{path}.{key.Text}");
        }
        return AttrValue.FromM(map);
    }

    private static string Describe(PartiQLExpression expression) => expression switch
    {
        PathExpression path => path.ToString(),
        CallExpression call => call.Name,
        _ => expression.GetType().Name.Replace("Expression", "", StringComparison.Ordinal),
    };
}
