namespace DataTier.Cache.Commands;

/// <summary>The ascending ranks from <paramref name="Start"/> up to, not including, <paramref name="End"/> of a sorted set's members; empty when End is not past Start.</summary>
public readonly record struct RankRange(int Start, int End)
{
    public static readonly RankRange Empty = new(0, 0);

    public int Count => Math.Max(End - Start, 0);

    /// <summary>What LIMIT leaves: <paramref name="offset"/> members skipped and at most <paramref name="limit"/> kept (all when negative), counted from the end when <paramref name="fromEnd"/>.</summary>
    public RankRange Limit(long offset, long limit, bool fromEnd)
    {
        if (offset < 0 || offset >= Count) return Empty;
        var kept = limit < 0 ? Count - offset : Math.Min(limit, Count - offset);
        var first = fromEnd ? End - offset - kept : Start + offset;
        return new RankRange((int)first, (int)(first + kept));
    }
}
