using DataTier.Cache.Commands;

namespace DataTier.Cache.Blocking;

/// <summary>LMPOP's and ZMPOP's (and their blocking forms') <c>numkeys key [key ...] WHERE [COUNT count]</c>.</summary>
public static class MultiPopArgs
{
    /// <param name="first">Where numkeys is.</param>
    /// <param name="firstEnd">The end the pop takes from when given first (LEFT, MIN); <paramref name="otherEnd"/> the other.</param>
    public static CacheReply? Parse(byte[][] a, int first, string firstEnd, string otherEnd, out byte[][] keys, out bool fromFirstEnd, out long count)
    {
        keys = [];
        fromFirstEnd = false;
        count = 1;
        if (!CacheNumbers.TryParseLong(a[first], out var numKeys) || numKeys <= 0) return CacheReply.Error("ERR numkeys should be greater than 0");
        var whereIndex = first + numKeys + 1;
        if (whereIndex >= a.Length) return CacheErrors.Syntax;
        if (Arg.Is(a[whereIndex], firstEnd)) fromFirstEnd = true;
        else if (!Arg.Is(a[whereIndex], otherEnd)) return CacheErrors.Syntax;
        var counted = false;
        for (var j = whereIndex + 1; j < a.Length; j++)
        {
            if (counted || !Arg.Is(a[j], "count") || j + 1 >= a.Length) return CacheErrors.Syntax;
            if (!CacheNumbers.TryParseLong(a[++j], out count) || count <= 0) return CacheReply.Error("ERR count should be greater than 0");
            counted = true;
        }
        keys = a[(first + 1)..(int)whereIndex];
        return null;
    }
}
