namespace DataTier.Silo.DynamoDb.Access;

/// <summary>IAM's wildcards in actions and resources: <c>*</c> any run of characters (none included), <c>?</c> any one character.</summary>
public static class IamPattern
{
    public static bool Matches(string pattern, string value, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || string.Compare(pattern, p, value, v, 1, comparison) == 0))
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
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
