using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX: the members of a range removed, their number answered.</summary>
public static class SortedSetRemovals
{
    public static CacheReply ByRank(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var start) || !CacheNumbers.TryParseLong(a[3], out var end)) return CacheErrors.NotInteger;
        return Remove(ks, a[1], set =>
        {
            long length = set.Count;
            if (start < 0) start += length;
            if (end < 0) end += length;
            if (start < 0) start = 0;
            if (start > end || start >= length) return [];
            if (end >= length) end = length - 1;
            return set.Ordered.Skip((int)start).Take((int)(end - start + 1));
        });
    }

    public static CacheReply ByScore(CacheKeyspace ks, byte[][] a)
    {
        if (!ScoreBound.TryParse(a[2], out var min) || !ScoreBound.TryParse(a[3], out var max)) return CacheErrors.MinMaxNotFloat;
        return Remove(ks, a[1], set => SortedSetRanges.From(set, min).TakeWhile(m => max.AtOrBelowMax(m.Score)));
    }

    public static CacheReply ByLex(CacheKeyspace ks, byte[][] a)
    {
        if (!LexBound.TryParse(a[2], out var min) || !LexBound.TryParse(a[3], out var max)) return CacheErrors.MinMaxNotLex;
        return Remove(ks, a[1], set => set.Ordered.SkipWhile(m => !min.AtOrAboveMin(m.Member)).TakeWhile(m => max.AtOrBelowMax(m.Member)));
    }

    private static CacheReply Remove(CacheKeyspace ks, byte[] key, Func<SortedSetValue, IEnumerable<ScoredMember>> range)
    {
        var set = TypedLookup<SortedSetValue>.Find(ks, key, true, out var entry, out var error);
        if (error is not null) return error;
        if (set is null) return CacheReply.Zero;
        var removed = range(set).ToList();
        foreach (var m in removed) set.Remove(m.Member);
        TypedLookup<SortedSetValue>.Changed(ks, entry!, set.Count == 0);
        return CacheReply.Int(removed.Count);
    }
}
