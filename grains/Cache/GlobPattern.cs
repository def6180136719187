namespace DataTier.Cache;

/// <summary>Redis' glob-style matching for KEYS, SCAN MATCH and PSUBSCRIBE: <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[^a]</c>, <c>[a-z]</c> and <c>\</c> escapes.</summary>
public static class GlobPattern
{
    public static bool IsMatch(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> text) => Match(pattern, text, 0);

    public static bool MatchesAll(ReadOnlySpan<byte> pattern) => pattern.Length == 1 && pattern[0] == '*';

    private static bool Match(ReadOnlySpan<byte> p, ReadOnlySpan<byte> s, int depth)
    {
        if (depth > 1000) return false;
        while (p.Length > 0 && s.Length > 0)
        {
            switch (p[0])
            {
                case (byte)'*':
                    while (p.Length > 1 && p[1] == '*') p = p[1..];
                    if (p.Length == 1) return true;
                    for (var i = 0; i <= s.Length; i++)
                        if (Match(p[1..], s[i..], depth + 1)) return true;
                    return false;
                case (byte)'?':
                    s = s[1..];
                    p = p[1..];
                    continue;
                case (byte)'[':
                {
                    p = p[1..];
                    var not = p.Length > 0 && p[0] == '^';
                    if (not) p = p[1..];
                    var matched = false;
                    while (true)
                    {
                        if (p.Length == 0) break;
                        if (p[0] == '\\' && p.Length >= 2)
                        {
                            p = p[1..];
                            if (p[0] == s[0]) matched = true;
                        }
                        else if (p[0] == ']') break;
                        else if (p.Length >= 3 && p[1] == '-')
                        {
                            int start = p[0], end = p[2];
                            if (start > end) (start, end) = (end, start);
                            if (s[0] >= start && s[0] <= end) matched = true;
                            p = p[2..];
                        }
                        else if (p[0] == s[0]) matched = true;
                        p = p[1..];
                    }
                    if (not) matched = !matched;
                    if (!matched) return false;
                    s = s[1..];
                    if (p.Length > 0) p = p[1..];
                    continue;
                }
                case (byte)'\\':
                    if (p.Length >= 2) p = p[1..];
                    goto default;
                default:
                    if (p[0] != s[0]) return false;
                    s = s[1..];
                    p = p[1..];
                    continue;
            }
        }
        while (p.Length > 0 && p[0] == '*') p = p[1..];
        return p.Length == 0 && s.Length == 0;
    }
}
