namespace DataTier.Client.Expressions;

/// <summary>The left-hand side of a comparison: an attribute or the size of one.</summary>
public abstract class ConditionOperand
{
    private protected ConditionOperand() { }

    internal abstract string Render(ExpressionAttributes attributes);

    public ConditionBuilder Eq(ExpressionValue value) => Compare("=", value);
    public ConditionBuilder Ne(ExpressionValue value) => Compare("<>", value);
    public ConditionBuilder Lt(ExpressionValue value) => Compare("<", value);
    public ConditionBuilder Le(ExpressionValue value) => Compare("<=", value);
    public ConditionBuilder Gt(ExpressionValue value) => Compare(">", value);
    public ConditionBuilder Ge(ExpressionValue value) => Compare(">=", value);

    public ConditionBuilder Eq(ConditionOperand other) => Compare("=", other);
    public ConditionBuilder Ne(ConditionOperand other) => Compare("<>", other);
    public ConditionBuilder Lt(ConditionOperand other) => Compare("<", other);
    public ConditionBuilder Le(ConditionOperand other) => Compare("<=", other);
    public ConditionBuilder Gt(ConditionOperand other) => Compare(">", other);
    public ConditionBuilder Ge(ConditionOperand other) => Compare(">=", other);

    public ConditionBuilder Between(ExpressionValue low, ExpressionValue high)
    {
        var (lowValue, highValue) = (low.Value, high.Value);
        return Atom(a => $"{Render(a)} BETWEEN {a.Value(lowValue)} AND {a.Value(highValue)}");
    }

    /// <summary>Holds when the operand equals one of 1 to 100 candidates.</summary>
    public ConditionBuilder In(params ExpressionValue[] candidates)
    {
        if (candidates.Length is 0 or > 100) throw new ArgumentException("IN takes from 1 to 100 values.", nameof(candidates));
        var values = candidates.Select(c => c.Value).ToList();
        return Atom(a => $"{Render(a)} IN ({string.Join(", ", values.Select(v => a.Value(v)))})");
    }

    private protected static ConditionBuilder Atom(Func<ExpressionAttributes, string> render) => new(ConditionBuilder.AtomLevel, render);

    private ConditionBuilder Compare(string op, ExpressionValue value)
    {
        var literal = value.Value;
        return Atom(a => $"{Render(a)} {op} {a.Value(literal)}");
    }

    private ConditionBuilder Compare(string op, ConditionOperand other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Atom(a => $"{Render(a)} {op} {other.Render(a)}");
    }
}
