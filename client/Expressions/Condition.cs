namespace DataTier.Client.Expressions;

/// <summary>
/// Where conditions start: <c>Condition.Attribute("status").Eq("open").And(Condition.Attribute("retries").Lt(3))</c>.
/// </summary>
public static class Condition
{
    /// <summary>A top-level attribute, its name taken literally.</summary>
    public static ConditionAttribute Attribute(string name) => new(AttributePath.Of(name));

    public static ConditionAttribute Attribute(AttributePath path) => new(path);

    /// <summary>size(name) of a top-level attribute.</summary>
    public static ConditionOperand Size(string name) => Attribute(name).Size();

    public static ConditionOperand Size(AttributePath path) => Attribute(path).Size();

    public static ConditionBuilder Not(ConditionBuilder condition) => condition.Not();

    /// <summary>Every condition holds (AND of all).</summary>
    public static ConditionBuilder All(params ConditionBuilder[] conditions) => Combine(conditions, (a, b) => a.And(b));

    /// <summary>At least one condition holds (OR of all).</summary>
    public static ConditionBuilder Any(params ConditionBuilder[] conditions) => Combine(conditions, (a, b) => a.Or(b));

    private static ConditionBuilder Combine(ConditionBuilder[] conditions, Func<ConditionBuilder, ConditionBuilder, ConditionBuilder> join) =>
        conditions.Length == 0 ? throw new ArgumentException("At least one condition is needed.", nameof(conditions)) : conditions.Aggregate(join);
}
