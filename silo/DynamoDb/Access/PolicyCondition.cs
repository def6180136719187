namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// One condition of a statement: a key tested by an operator against the policy's values (any of which may match), by
/// IAM's rules. A key the request lacks fails a condition, unless the operator is negated (StringNotEquals and the like)
/// or ends in IfExists; <c>ForAllValues:</c> holds when every value of the request matches (also when it has none),
/// <c>ForAnyValue:</c> when one does. The values of string and ARN operators may hold policy variables
/// (<see cref="PolicyValue"/>); one whose variable has no value matches nothing.
/// </summary>
public sealed record PolicyCondition(ConditionOperator Operator, string Key, IReadOnlyList<PolicyValue> Values)
{
    /// <summary>Whether the condition holds for <paramref name="resource"/> (an ARN); null when the request's values are unknown.</summary>
    public bool? Holds(AccessContext context, string resource)
    {
        if (context.ValuesOf(Key, resource) is not { } requested) return null;
        var test = Operator.Test;
        if (test == ConditionTest.Null) return (requested.Count == 0) == Values.Any(v => v.Text == "true");
        if (requested.Count == 0)
            return Operator.IfExists || Operator.Qualifier == SetQualifier.ForAllValues || (Operator.Qualifier == SetQualifier.None && Operator.Negated);
        var patterns = new List<PolicyPattern>(Values.Count);
        foreach (var value in Values)
            if (value.Resolve(key => context.ValueOf(key, resource)) is { } pattern) patterns.Add(pattern);
        bool One(string value) => patterns.Exists(p => ConditionValues.Matches(test, p, value)) != Operator.Negated;
        return Operator.Qualifier == SetQualifier.ForAllValues ? requested.All(One) : requested.Any(One);
    }
}
