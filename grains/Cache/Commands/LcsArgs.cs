namespace DataTier.Cache.Commands;

/// <summary>LCS's options: LEN, IDX, MINMATCHLEN n, WITHMATCHLEN.</summary>
public readonly record struct LcsArgs(bool Length, bool Indexes, long MinMatchLength, bool WithMatchLength)
{
    public static CacheReply? Parse(byte[][] a, out LcsArgs args)
    {
        args = default;
        for (var i = 3; i < a.Length; i++)
        {
            if (Arg.Is(a[i], "idx")) args = args with { Indexes = true };
            else if (Arg.Is(a[i], "len")) args = args with { Length = true };
            else if (Arg.Is(a[i], "withmatchlen")) args = args with { WithMatchLength = true };
            else if (Arg.Is(a[i], "minmatchlen") && i + 1 < a.Length)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out var min)) return CacheErrors.NotInteger;
                args = args with { MinMatchLength = Math.Max(0, min) };
            }
            else return CacheErrors.Syntax;
        }
        return args.Length && args.Indexes ? CacheReply.Error("ERR If you want both the length and indexes, please just use IDX.") : null;
    }
}
