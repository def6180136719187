using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// Writes a statement's conditions and paths as DynamoDB expressions, every name through a <c>#n</c> placeholder and
/// every value through a <c>:v</c> one, so the expression engine evaluates them. One writer per request: its
/// placeholders are exactly the ones that request's expressions use.
/// </summary>
public sealed class PartiQLExpressionWriter(PartiQLValues values)
{
    private readonly Legacy.LegacyExpressionBuilder _placeholders = new("#n", ":v");

    public PartiQLValues Values => values;

    public IReadOnlyDictionary<string, string>? Names => _placeholders.Names.Count > 0 ? _placeholders.Names : null;

    public IReadOnlyDictionary<string, AttrValue>? ValueMap => _placeholders.Values.Count > 0 ? _placeholders.Values : null;

    public string Name(string attribute) => _placeholders.Name(attribute);

    /// <summary>A placeholder for the value, checked as a parameter's value is (no empty sets, no duplicates).</summary>
    public string Value(AttrValue value) => _placeholders.Value(value);

    public string Path(PathExpression path) =>
        string.Concat(path.Elements.Select((e, i) => e.Name is null ? $"[{e.Index}]" : (i == 0 ? "" : ".") + Name(e.Name)));

    /// <summary>A comparison's side: a path, <c>size(path)</c> or a value.</summary>
    public string Operand(PartiQLExpression operand) => operand switch
    {
        PathExpression path => Path(path),
        CallExpression call when call.Is("size") && call.Arguments is [PathExpression path] => $"size({Path(path)})",
        CallExpression call => throw PartiQLErrors.Validation($"Unrecognized function: {call.Name}"),
        BinaryExpression binary => throw PartiQLErrors.Validation($"Unsupported operator in Condition Expression. Operator: {binary.Operator}"),
        _ => Value(values.Evaluate(operand)),
    };

    public string Condition(PartiQLExpression condition) => condition switch
    {
        BinaryExpression { Operator: "AND" or "OR" } logical => $"({Condition(logical.Left)}) {logical.Operator} ({Condition(logical.Right)})",
        BinaryExpression { IsComparison: true } comparison =>
            $"{Ordered(comparison.Operator, comparison.Left)} {comparison.Operator} {Ordered(comparison.Operator, comparison.Right)}",
        NotExpression not => $"NOT ({Condition(not.Operand)})",
        BetweenExpression between => $"{Operand(between.Operand)} BETWEEN {Ordered("BETWEEN", between.Low)} AND {Ordered("BETWEEN", between.High)}",
        InExpression @in => In(@in),
        IsExpression @is => Is(@is),
        CallExpression call => Function(call),
        BinaryExpression binary => throw PartiQLErrors.Validation($"Unsupported operator in Condition Expression. Operator: {binary.Operator}"),
        _ => throw PartiQLErrors.Validation("WHERE clause must contain an expression that resolves to a boolean"),
    };

    /// <summary>An operand of an ordering (<c>&lt;</c>, BETWEEN ...): a value must be a string, number or binary.</summary>
    private string Ordered(string op, PartiQLExpression operand)
    {
        if (op is "=" or "<>" || !PartiQLValues.IsValue(operand)) return Operand(operand);
        var value = values.Evaluate(operand);
        if (value.Type is not (AttrType.S or AttrType.N or AttrType.B))
            throw PartiQLErrors.Validation($"Incorrect operand type for operator or function; operator or function: {op}, operand type: {value.Type}");
        return Value(value);
    }

    /// <summary>The AND of several conditions.</summary>
    public string Conditions(IEnumerable<PartiQLExpression> conditions) => string.Join(" AND ", conditions.Select(c => $"({Condition(c)})"));

    /// <summary>The values of an IN: a list written out, or a parameter holding a list.</summary>
    public IReadOnlyList<AttrValue> InCandidates(InExpression @in)
    {
        if (@in.Operand is not PathExpression) throw InvalidIn();
        var candidates = @in.Candidates switch
        {
            CollectionExpression { IsBag: false } list => list.Items.Select(i => values.Evaluate(i)).ToList(),
            ParameterExpression parameter when values.Evaluate(parameter) is { Type: AttrType.L } list => list.List!,
            _ => throw InvalidIn(),
        };
        return candidates.Count == 0 ? throw InvalidIn() : candidates;
    }

    private string In(InExpression @in) =>
        $"{Operand(@in.Operand)} IN ({string.Join(", ", InCandidates(@in).Select(Value))})";

    private string Is(IsExpression @is)
    {
        if (@is.Operand is not PathExpression path)
            throw PartiQLErrors.Validation("The left hand side argument to IS must be a Variable Reference, Literal, or Path");
        var test = @is.TypeName == "MISSING"
            ? $"attribute_not_exists({Path(path)})"
            : $"attribute_type({Path(path)}, {Value(AttrValue.FromS(AttributeTypeOf(@is.TypeName)))})";
        return @is.Negated ? $"NOT ({test})" : test;
    }

    private static string AttributeTypeOf(string typeName) => typeName switch
    {
        "NULL" => "NULL",
        "BOOLEAN" => "BOOL",
        "BLOB" => "B",
        "STRING" => "S",
        "NUMERIC" => "N",
        "STRUCT" or "TUPLE" => "M",
        "LIST" => "L",
        _ => throw PartiQLErrors.Validation(
            $"Unsupported data type for IS operator: {typeName}. Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]"),
    };

    private string Function(CallExpression call)
    {
        var name = call.Name.ToLowerInvariant();
        if (name is not ("begins_with" or "contains" or "attribute_type" or "attribute_exists" or "attribute_not_exists"))
            throw PartiQLErrors.Validation($"Unrecognized function: {call.Name}");
        return $"{name}({string.Join(", ", call.Arguments.Select(Operand))})";
    }

    private static Errors.DynamoException InvalidIn() => PartiQLErrors.Validation(
        "IN operator must have a left hand argument of type Variable Reference and right hand argument of type Seq with at least one member");
}
