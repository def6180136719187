namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// One condition of a statement: a key tested by an operator against the policy's values (any of which may match), by
/// IAM's rules. A key the request lacks fails a condition, unless the operator is negated (StringNotEquals and the like)
/// or ends in IfExists; <c>ForAllValues:</c> holds when every value of the request matches (also when it has none),
/// <c>ForAnyValue:</c> when one does. Values may use <c>${aws:username}</c> and <c>${aws:userid}</c>, which stand for
/// the access key id here.
/// </summary>
public sealed record PolicyCondition(ConditionOperator Operator, string Key, IReadOnlyList<string> Values)
{
    /// <summary>Whether the condition holds for a resource of <paramref name="table"/>; null when the request's values are unknown.</summary>
    public bool? Holds(AccessContext context, string? table)
    {
        if (context.ValuesOf(Key, table) is not { } requested) return null;
        var test = Operator.Test;
        if (test == ConditionTest.Null) return (requested.Count == 0) == Values.Contains("true");
        if (requested.Count == 0)
            return Operator.IfExists || Operator.Qualifier == SetQualifier.ForAllValues || (Operator.Qualifier == SetQualifier.None && Operator.Negated);
        var values = Values.Select(v => v.Replace("${aws:username}", context.AccessKeyId, StringComparison.Ordinal)
            .Replace("${aws:userid}", context.AccessKeyId, StringComparison.Ordinal)).ToList();
        bool One(string value) => values.Any(v => ConditionValues.Matches(test, v, value)) != Operator.Negated;
        return Operator.Qualifier == SetQualifier.ForAllValues ? requested.All(One) : requested.Any(One);
    }
}
