using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX: the members of a range removed, their number answered.</summary>
public static class SortedSetRemovals
{
    public static CacheReply ByRank(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var start) || !CacheNumbers.TryParseLong(a[3], out var end)) return CacheErrors.NotInteger;
        return Remove(ks, a[1], "zremrangebyrank", set => SortedSetRanges.IndexRanks(set.Count, start, end, reverse: false));
    }

    public static CacheReply ByScore(CacheKeyspace ks, byte[][] a)
    {
        if (!ScoreBound.TryParse(a[2], out var min) || !ScoreBound.TryParse(a[3], out var max)) return CacheErrors.MinMaxNotFloat;
        return Remove(ks, a[1], "zremrangebyscore", set => SortedSetRanges.ScoreRanks(set, min, max));
    }

    public static CacheReply ByLex(CacheKeyspace ks, byte[][] a)
    {
        if (!LexBound.TryParse(a[2], out var min) || !LexBound.TryParse(a[3], out var max)) return CacheErrors.MinMaxNotLex;
        return Remove(ks, a[1], "zremrangebylex", set => SortedSetRanges.LexRanks(set, min, max));
    }

    private static CacheReply Remove(CacheKeyspace ks, byte[] key, string @event, Func<SortedSetValue, RankRange> range)
    {
        var set = TypedLookup<SortedSetValue>.Find(ks, key, true, out var entry, out var error);
        if (error is not null) return error;
        if (set is null) return CacheReply.Zero;
        var ranks = range(set);
        var removed = set.Ordered.Ascending(ranks.Start).Take(ranks.Count).ToList();
        if (removed.Count == 0) return CacheReply.Zero;
        foreach (var m in removed) set.Remove(m.Member);
        TypedLookup<SortedSetValue>.Changed(ks, entry!, set.Count == 0, Notifications.KeyspaceEventTypes.SortedSet, @event);
        return CacheReply.Int(removed.Count);
    }
}
