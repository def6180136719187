using System.Text;
using DataTier.Model;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>
/// Evaluates the reference condition AST by DynamoDB's documented semantics. Choices where the
/// documentation is silent, kept equal to the engine's: a comparison with a missing operand is false
/// except that <c>a &lt;&gt; b</c> holds when exactly one side is missing; size() of a type without a size
/// behaves as a missing operand.
/// </summary>
public static class ReferenceConditionEvaluator
{
    public static bool Evaluate(RCondition condition, IReadOnlyDictionary<string, AttrValue>? item) => condition switch
    {
        RAnd a => Evaluate(a.Left, item) && Evaluate(a.Right, item),
        ROr o => Evaluate(o.Left, item) || Evaluate(o.Right, item),
        RNot n => !Evaluate(n.Inner, item),
        RCompare c => Compare(c.Op, Value(c.Left, item), Value(c.Right, item)),
        RBetween b => Compare(">=", Value(b.Value, item), Value(b.Low, item)) && Compare("<=", Value(b.Value, item), Value(b.High, item)),
        RIn i => Value(i.Value, item) is { } v && i.Candidates.Any(c => Value(c, item) is { } cv && RefValues.Equal(v, cv)),
        RFunction f => Function(f, item),
        _ => throw new NotSupportedException(condition.GetType().Name),
    };

    private static AttrValue? Value(ROperand operand, IReadOnlyDictionary<string, AttrValue>? item) => operand switch
    {
        RValue v => v.Value,
        RPath p => RefValues.Resolve(item, p),
        RSize s => RefValues.Size(RefValues.Resolve(item, s.Path)),
        _ => throw new NotSupportedException(operand.GetType().Name),
    };

    private static bool Compare(string op, AttrValue? a, AttrValue? b)
    {
        if (a is null || b is null) return op == "<>" && (a is null) != (b is null);
        if (op == "=") return RefValues.Equal(a, b);
        if (op == "<>") return !RefValues.Equal(a, b);
        if (RefValues.Order(a, b) is not { } order) return false;
        return op switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            _ => throw new NotSupportedException(op),
        };
    }

    private static bool Function(RFunction f, IReadOnlyDictionary<string, AttrValue>? item)
    {
        var target = RefValues.Resolve(item, f.Path);
        var arg = f.Argument?.Value;
        switch (f.Name)
        {
            case "attribute_exists": return target is not null;
            case "attribute_not_exists": return target is null;
            case "attribute_type": return target is not null && arg!.Type == AttrType.S && TypeName(target) == arg.Text;
        }
        if (target is null || arg is null) return false;
        if (f.Name == "begins_with")
        {
            return (target.Type, arg.Type) switch
            {
                (AttrType.S, AttrType.S) => RefValues.StartsWith(Encoding.UTF8.GetBytes(target.Text!), Encoding.UTF8.GetBytes(arg.Text!)),
                (AttrType.B, AttrType.B) => RefValues.StartsWith(target.Bytes!, arg.Bytes!),
                _ => false,
            };
        }
        // contains: a substring of a string, a byte run of a binary, a member of a set, an element of a list.
        return (target.Type, arg.Type) switch
        {
            (AttrType.S, AttrType.S) => RefValues.ContainsRun(Encoding.UTF8.GetBytes(target.Text!), Encoding.UTF8.GetBytes(arg.Text!)),
            (AttrType.B, AttrType.B) => RefValues.ContainsRun(target.Bytes!, arg.Bytes!),
            (AttrType.SS, AttrType.S) => target.TextSet!.Contains(arg.Text!, StringComparer.Ordinal),
            (AttrType.NS, AttrType.N) => target.TextSet!.Any(n => RefNumber.Parse(n) == RefNumber.Parse(arg.Text!)),
            (AttrType.BS, AttrType.B) => target.BytesSet!.Any(b => b.SequenceEqual(arg.Bytes!)),
            (AttrType.L, _) => target.List!.Any(e => RefValues.Equal(e, arg)),
            _ => false,
        };
    }

    private static string TypeName(AttrValue v) => v.Type switch
    {
        AttrType.S => "S", AttrType.N => "N", AttrType.B => "B", AttrType.BOOL => "BOOL", AttrType.NULL => "NULL",
        AttrType.SS => "SS", AttrType.NS => "NS", AttrType.BS => "BS", AttrType.L => "L", AttrType.M => "M",
        _ => "?",
    };
}
