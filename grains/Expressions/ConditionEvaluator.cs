using DataTier.Keys;
using DataTier.Model;

namespace DataTier.Expressions;

/// <summary>Evaluates a condition tree against an item (null: the item does not exist), as DynamoDB does.</summary>
public static class ConditionEvaluator
{
    public static bool Evaluate(Condition condition, IReadOnlyDictionary<string, AttrValue>? item) => condition switch
    {
        AndCondition a => Evaluate(a.Left, item) && Evaluate(a.Right, item),
        OrCondition o => Evaluate(o.Left, item) || Evaluate(o.Right, item),
        NotCondition n => !Evaluate(n.Inner, item),
        CompareCondition c => Compare(c.Op, Value(c.Left, item), Value(c.Right, item)),
        BetweenCondition b => Between(Value(b.Value, item), Value(b.Low, item), Value(b.High, item)),
        InCondition i => Value(i.Value, item) is { } v && i.Candidates.Any(c => Value(c, item) is { } cv && v.Equals(cv)),
        FunctionCondition f => Function(f, item),
        _ => throw new NotSupportedException(condition.GetType().Name),
    };

    public static AttrValue? Value(Operand operand, IReadOnlyDictionary<string, AttrValue>? item) => operand switch
    {
        ValueOperand v => v.Value,
        PathOperand p => DocumentPath.Resolve(item, p.Path),
        SizeOperand s => DocumentPath.Resolve(item, s.Path.Path) is { } v ? Size(v) : null,
        _ => null,
    };

    public static bool Compare(CompareOp op, AttrValue? left, AttrValue? right)
    {
        if (left is null || right is null) return op == CompareOp.Ne && !(left is null && right is null);
        if (op == CompareOp.Eq) return left.Equals(right);
        if (op == CompareOp.Ne) return !left.Equals(right);
        if (left.Type != right.Type || left.Type is not (AttrType.S or AttrType.N or AttrType.B)) return false;
        var c = KeyBytes.Compare(left, right);
        return op switch
        {
            CompareOp.Lt => c < 0,
            CompareOp.Le => c <= 0,
            CompareOp.Gt => c > 0,
            _ => c >= 0,
        };
    }

    private static bool Between(AttrValue? v, AttrValue? low, AttrValue? high) =>
        Compare(CompareOp.Ge, v, low) && Compare(CompareOp.Le, v, high);

    private static bool Function(FunctionCondition f, IReadOnlyDictionary<string, AttrValue>? item)
    {
        var path = (PathOperand)f.Arguments[0];
        var target = DocumentPath.Resolve(item, path.Path);
        switch (f.Name)
        {
            case "attribute_exists": return target is not null;
            case "attribute_not_exists": return target is null;
            case "attribute_type":
                return target is not null && Value(f.Arguments[1], item) is { Type: AttrType.S } t && t.Text == target.Type.ToString();
            case "begins_with":
            {
                var prefix = Value(f.Arguments[1], item);
                if (target is null || prefix is null || target.Type != prefix.Type) return false;
                return target.Type switch
                {
                    AttrType.S => target.Text!.StartsWith(prefix.Text!, StringComparison.Ordinal),
                    AttrType.B => target.Bytes.AsSpan().StartsWith(prefix.Bytes),
                    _ => false,
                };
            }
            case "contains":
            {
                var operand = Value(f.Arguments[1], item);
                if (target is null || operand is null) return false;
                return target.Type switch
                {
                    AttrType.S => operand.Type == AttrType.S && target.Text!.Contains(operand.Text!, StringComparison.Ordinal),
                    AttrType.B => operand.Type == AttrType.B && target.Bytes.AsSpan().IndexOf(operand.Bytes) >= 0,
                    AttrType.SS => operand.Type == AttrType.S && target.TextSet!.Contains(operand.Text!),
                    AttrType.NS => operand.Type == AttrType.N && target.TextSet!.Any(n => AttrValue.FromN(n).Equals(operand)),
                    AttrType.BS => operand.Type == AttrType.B && target.BytesSet!.Any(b => b.AsSpan().SequenceEqual(operand.Bytes)),
                    AttrType.L => target.List!.Any(e => e.Equals(operand)),
                    _ => false,
                };
            }
            default: throw new NotSupportedException(f.Name);
        }
    }

    /// <summary>
    /// A string's size is its length in characters, not its UTF-8 bytes: AWS counts 'abÿ' as 3 (dynalite's test of
    /// size(), checked against DynamoDB). Characters are UTF-16 units, as in Java's String.length and in dynalite.
    /// </summary>
    private static AttrValue? Size(AttrValue v) => v.Type switch
    {
        AttrType.S => AttrValue.FromN(v.Text!.Length),
        AttrType.B => AttrValue.FromN(v.Bytes!.Length),
        AttrType.SS or AttrType.NS => AttrValue.FromN(v.TextSet!.Count),
        AttrType.BS => AttrValue.FromN(v.BytesSet!.Count),
        AttrType.L => AttrValue.FromN(v.List!.Count),
        AttrType.M => AttrValue.FromN(v.Map!.Count),
        _ => null,
    };
}
