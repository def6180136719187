namespace DataTier.Client.Expressions;

/// <summary>
/// A built condition (for ConditionExpression or FilterExpression). Combine with <see cref="And"/>,
/// <see cref="Or"/>, <see cref="Not"/> or the operators &amp;, | and !; parentheses are added where
/// DynamoDB's precedence (NOT, then AND, then OR) needs them.
/// </summary>
public sealed class ConditionBuilder
{
    private const int OrLevel = 1, AndLevel = 2, NotLevel = 3;
    internal const int AtomLevel = 4;

    private readonly int _level;
    private readonly Func<ExpressionAttributes, string> _render;

    internal ConditionBuilder(int level, Func<ExpressionAttributes, string> render)
    {
        _level = level;
        _render = render;
    }

    public ConditionBuilder And(ConditionBuilder other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(AndLevel, a => $"{Operand(this, AndLevel, a)} AND {Operand(other, AndLevel, a)}");
    }

    public ConditionBuilder Or(ConditionBuilder other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(OrLevel, a => $"{Operand(this, OrLevel, a)} OR {Operand(other, OrLevel, a)}");
    }

    public ConditionBuilder Not() => new(NotLevel, a => $"NOT {Operand(this, NotLevel, a)}");

    public static ConditionBuilder operator &(ConditionBuilder left, ConditionBuilder right) => left.And(right);

    public static ConditionBuilder operator |(ConditionBuilder left, ConditionBuilder right) => left.Or(right);

    public static ConditionBuilder operator !(ConditionBuilder condition) => condition.Not();

    /// <summary>The expression text alone, with placeholders numbered as if it were the request's only expression.</summary>
    public override string ToString() => Render(new ExpressionAttributes());

    internal string Render(ExpressionAttributes attributes) => _render(attributes);

    private static string Operand(ConditionBuilder condition, int level, ExpressionAttributes attributes)
    {
        var text = condition._render(attributes);
        return condition._level < level ? $"({text})" : text;
    }
}
