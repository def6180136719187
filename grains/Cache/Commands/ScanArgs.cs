namespace DataTier.Cache.Commands;

/// <summary>The cursor and options of SCAN, HSCAN and ZSCAN, validated as Redis does.</summary>
public struct ScanArgs
{
    public ulong Cursor;
    public long Count;
    public byte[]? Pattern;
    public byte[]? Type;

    /// <summary>Parses the cursor at <paramref name="cursorIndex"/> and the options after it; null on success.</summary>
    public static CacheReply? Parse(byte[][] a, int optionsStart, bool allowType, out ScanArgs result)
    {
        result = new ScanArgs { Count = 10 };
        if (!ulong.TryParse(a[optionsStart - 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out result.Cursor))
            return CacheErrors.InvalidCursor;
        for (var j = optionsStart; j < a.Length; j++)
        {
            var more = a.Length - j - 1;
            if (Arg.Is(a[j], "count") && more >= 1)
            {
                if (!CacheNumbers.TryParseLong(a[j + 1], out result.Count)) return CacheErrors.NotInteger;
                if (result.Count < 1) return CacheErrors.Syntax;
                j++;
            }
            else if (Arg.Is(a[j], "match") && more >= 1)
            {
                result.Pattern = GlobPattern.MatchesAll(a[j + 1]) ? null : a[j + 1];
                j++;
            }
            else if (allowType && Arg.Is(a[j], "type") && more >= 1)
            {
                result.Type = a[j + 1];
                j++;
            }
            else return CacheErrors.Syntax;
        }
        return null;
    }
}
