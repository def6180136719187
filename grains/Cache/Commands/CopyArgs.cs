namespace DataTier.Cache.Commands;

/// <summary>COPY source destination [DB destination-db] [REPLACE], checked as Redis checks it.</summary>
public static class CopyArgs
{
    private static readonly CacheReply SameObject = CacheReply.Error("ERR source and destination objects are the same");

    /// <summary>Whether REPLACE was given, or Redis' error. The cache serves database 0 only, so any other DB is out of range, as SELECT says.</summary>
    public static CacheReply? Parse(byte[][] a, out bool replace)
    {
        replace = false;
        for (var i = 3; i < a.Length; i++)
        {
            if (Arg.Is(a[i], "replace")) replace = true;
            else if (Arg.Is(a[i], "db") && i + 1 < a.Length)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out var db)) return CacheErrors.NotInteger;
                if (db is < int.MinValue or > int.MaxValue)
                    return CacheReply.Error($"ERR value is out of range, value must between {int.MinValue} and {int.MaxValue}");
                if (db != 0) return CacheReply.Error("ERR DB index is out of range");
            }
            else return CacheErrors.Syntax;
        }
        return a[1].AsSpan().SequenceEqual(a[2]) ? SameObject : null;
    }
}
