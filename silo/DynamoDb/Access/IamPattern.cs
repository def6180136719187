namespace DataTier.Silo.DynamoDb.Access;

/// <summary>IAM's wildcards in actions and resources: <c>*</c> any run of characters (none included), <c>?</c> any one character.</summary>
public static class IamPattern
{
    /// <param name="literal">Which characters of the pattern are literal, though <c>*</c> or <c>?</c> (a policy variable's); null when none is.</param>
    public static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value, bool ignoreCase, ReadOnlySpan<bool> literal = default)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && Wildcard(pattern, literal, p, '*'))
            {
                star = p++;
                resume = v;
            }
            else if (p < pattern.Length && (Wildcard(pattern, literal, p, '?') || pattern.Slice(p, 1).Equals(value.Slice(v, 1), comparison)))
            {
                p++;
                v++;
            }
            else if (star >= 0)
            {
                // Let the last star take one more character, and match the rest of the pattern from there.
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && Wildcard(pattern, literal, p, '*')) p++;
        return p == pattern.Length;
    }

    private static bool Wildcard(ReadOnlySpan<char> pattern, ReadOnlySpan<bool> literal, int at, char wildcard) =>
        pattern[at] == wildcard && (literal.IsEmpty || !literal[at]);
}
