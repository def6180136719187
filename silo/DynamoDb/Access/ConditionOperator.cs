namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// A condition block's operator as a policy writes it: an optional set qualifier, the test, and an optional
/// <c>IfExists</c> suffix (the condition holds when the key is absent from the request).
/// </summary>
public sealed record ConditionOperator(SetQualifier Qualifier, ConditionTest Test, bool IfExists)
{
    /// <summary>The tests that hold when a value matches none of the policy's values.</summary>
    public bool Negated => Test is ConditionTest.StringNotEquals or ConditionTest.StringNotEqualsIgnoreCase or ConditionTest.StringNotLike
        or ConditionTest.NumericNotEquals or ConditionTest.DateNotEquals or ConditionTest.NotIpAddress or ConditionTest.ArnNotEquals or ConditionTest.ArnNotLike;

    /// <summary>The ARN operators, which compare ARNs part by part.</summary>
    public bool IsArn => Test is ConditionTest.ArnEquals or ConditionTest.ArnLike or ConditionTest.ArnNotEquals or ConditionTest.ArnNotLike;

    /// <summary>The operators whose values may hold policy variables, as IAM substitutes them: the string and ARN operators.</summary>
    public bool TakesVariables => IsArn || Test is ConditionTest.StringEquals or ConditionTest.StringNotEquals or ConditionTest.StringEqualsIgnoreCase
        or ConditionTest.StringNotEqualsIgnoreCase or ConditionTest.StringLike or ConditionTest.StringNotLike;

    /// <summary>Reads an operator such as <c>ForAllValues:StringLike</c> or <c>StringEqualsIfExists</c>; null when it is not one honoured here.</summary>
    public static ConditionOperator? Parse(string text)
    {
        var qualifier = SetQualifier.None;
        var rest = text;
        if (text.StartsWith("ForAllValues:", StringComparison.Ordinal)) (qualifier, rest) = (SetQualifier.ForAllValues, text["ForAllValues:".Length..]);
        else if (text.StartsWith("ForAnyValue:", StringComparison.Ordinal)) (qualifier, rest) = (SetQualifier.ForAnyValue, text["ForAnyValue:".Length..]);
        var ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal);
        if (ifExists) rest = rest[..^"IfExists".Length];
        if (!Enum.TryParse<ConditionTest>(rest, ignoreCase: false, out var test) || !Enum.IsDefined(test) || rest != test.ToString()) return null;
        // IAM has no NullIfExists, and Null asks about presence itself.
        if (test == ConditionTest.Null && (ifExists || qualifier != SetQualifier.None)) return null;
        return new ConditionOperator(qualifier, test, ifExists);
    }
}
