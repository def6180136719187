namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// IAM's ARN operators (ArnEquals and ArnLike alike): the six colon-separated parts of an ARN (arn, partition, service,
/// region, account, resource; the resource is the rest, colons included) are compared one by one, case-sensitively,
/// each with IAM's wildcards, which never reach into the next part. A value with fewer parts matches nothing.
/// </summary>
public static class ArnPattern
{
    private const int Parts = 6;

    public static bool Matches(PolicyPattern pattern, string arn)
    {
        Span<Range> patternParts = stackalloc Range[Parts];
        Span<Range> arnParts = stackalloc Range[Parts];
        if (Split(pattern.Text, patternParts) < Parts || Split(arn, arnParts) < Parts) return false;
        ReadOnlySpan<bool> literal = pattern.Literal;
        for (var i = 0; i < Parts; i++)
        {
            var part = patternParts[i];
            if (!IamPattern.Matches(pattern.Text.AsSpan()[part], arn.AsSpan()[arnParts[i]], ignoreCase: false, literal.IsEmpty ? default : literal[part]))
                return false;
        }
        return true;
    }

    /// <summary>Whether a policy value has the six parts of an ARN.</summary>
    public static bool IsArn(string text)
    {
        Span<Range> parts = stackalloc Range[Parts];
        return Split(text, parts) == Parts;
    }

    /// <summary>Cuts at the first five colons: the last range holds the rest.</summary>
    private static int Split(string text, Span<Range> parts) => text.AsSpan().Split(parts, ':');
}
