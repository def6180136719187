namespace DataTier.Client.Expressions;

/// <summary>The conditions a Query allows on the sort key.</summary>
public sealed class SortKeyClause
{
    private readonly string _name;
    private readonly Func<Func<ExpressionAttributes, string>, KeyConditionBuilder> _complete;

    internal SortKeyClause(string name, Func<Func<ExpressionAttributes, string>, KeyConditionBuilder> complete) =>
        (_name, _complete) = (name, complete);

    public KeyConditionBuilder Eq(ExpressionValue value) => Compare("=", value);
    public KeyConditionBuilder Lt(ExpressionValue value) => Compare("<", value);
    public KeyConditionBuilder Le(ExpressionValue value) => Compare("<=", value);
    public KeyConditionBuilder Gt(ExpressionValue value) => Compare(">", value);
    public KeyConditionBuilder Ge(ExpressionValue value) => Compare(">=", value);

    public KeyConditionBuilder Between(ExpressionValue low, ExpressionValue high)
    {
        var (l, h) = (low.Value, high.Value);
        return _complete(a => $"{a.Name(_name)} BETWEEN {a.Value(l)} AND {a.Value(h)}");
    }

    public KeyConditionBuilder BeginsWith(ExpressionValue prefix)
    {
        var p = prefix.Value;
        return _complete(a => $"begins_with({a.Name(_name)}, {a.Value(p)})");
    }

    private KeyConditionBuilder Compare(string op, ExpressionValue value)
    {
        var v = value.Value;
        return _complete(a => $"{a.Name(_name)} {op} {a.Value(v)}");
    }
}
