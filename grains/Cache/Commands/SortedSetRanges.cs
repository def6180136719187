using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>ZRANGE with BYSCORE, BYLEX, REV, LIMIT and WITHSCORES, and the older ZREVRANGE, ZRANGEBYSCORE, ZRANGEBYLEX and their REV forms, parsed as Redis 7 parses them.</summary>
public static class SortedSetRanges
{
    public static CacheReply Range(CacheKeyspace ks, byte[][] a, RangeKind kind, bool reverse) =>
        Select(ks, a, 1, kind, reverse, out var members, out var withScores) ?? Reply(members, withScores);

    /// <summary>ZRANGESTORE destination source min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]: the range stored, its size answered.</summary>
    public static CacheReply RangeStore(CacheKeyspace ks, byte[][] a)
    {
        if (Select(ks, a, 2, RangeKind.Auto, false, out var members, out _) is { } error) return error;
        var selected = members.ToList();
        SortedSetOperations.Store(ks, a[1], selected, "zrangestore");
        return CacheReply.Int(selected.Count);
    }

    /// <summary>ZRANGESTORE's range read on its source's shard (its destination is on another): the members and scores, flat.</summary>
    public static CacheReply RangeForStore(CacheKeyspace ks, byte[][] a)
    {
        if (Select(ks, a, 2, RangeKind.Auto, false, out var members, out _) is { } error) return error;
        return CacheReply.Array([.. members.SelectMany(m => new[] { CacheReply.Bulk(m.Member), CacheReply.Number(m.Score) })]);
    }

    /// <summary>The members a range names, the source key at argument <paramref name="at"/> (2 for ZRANGESTORE, which takes no WITHSCORES); null or the error.</summary>
    private static CacheReply? Select(CacheKeyspace ks, byte[][] a, int at, RangeKind kind, bool reverse, out IEnumerable<ScoredMember> members, out bool withScores)
    {
        members = [];
        var isZRange = kind == RangeKind.Auto;
        var reverseSet = !isZRange;
        var store = at == 2;
        withScores = false;
        long offset = 0, limit = -1;
        for (var j = at + 3; j < a.Length; j++)
        {
            var left = a.Length - j - 1;
            if (!store && Arg.Is(a[j], "withscores")) withScores = true;
            else if (Arg.Is(a[j], "limit") && left >= 2)
            {
                if (!CacheNumbers.TryParseLong(a[j + 1], out offset) || !CacheNumbers.TryParseLong(a[j + 2], out limit)) return CacheErrors.NotInteger;
                j += 2;
            }
            else if (!reverseSet && Arg.Is(a[j], "rev"))
            {
                reverse = true;
                reverseSet = true;
            }
            else if (kind == RangeKind.Auto && Arg.Is(a[j], "bylex")) kind = RangeKind.Lex;
            else if (kind == RangeKind.Auto && Arg.Is(a[j], "byscore")) kind = RangeKind.Score;
            else return CacheErrors.Syntax;
        }
        if (kind == RangeKind.Auto) kind = RangeKind.Rank;
        if (limit != -1 && kind == RangeKind.Rank)
            return CacheReply.Error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        if (withScores && kind == RangeKind.Lex)
            return CacheReply.Error("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
        var (minArg, maxArg) = reverse && kind != RangeKind.Rank ? (a[at + 2], a[at + 1]) : (a[at + 1], a[at + 2]);

        long start = 0, end = 0;
        ScoreBound minScore = default, maxScore = default;
        LexBound minLex = default, maxLex = default;
        switch (kind)
        {
            case RangeKind.Rank:
                if (!CacheNumbers.TryParseLong(minArg, out start) || !CacheNumbers.TryParseLong(maxArg, out end)) return CacheErrors.NotInteger;
                break;
            case RangeKind.Score:
                if (!ScoreBound.TryParse(minArg, out minScore) || !ScoreBound.TryParse(maxArg, out maxScore)) return CacheErrors.MinMaxNotFloat;
                break;
            default:
                if (!LexBound.TryParse(minArg, out minLex) || !LexBound.TryParse(maxArg, out maxLex)) return CacheErrors.MinMaxNotLex;
                break;
        }
        var entry = ks.Read(a[at]);
        if (entry is null) return null;
        if (entry.Value is not SortedSetValue set) return CacheErrors.WrongType;
        var ranks = kind switch
        {
            RangeKind.Rank => IndexRanks(set.Count, start, end, reverse),
            RangeKind.Score => ScoreRanks(set, minScore, maxScore).Limit(offset, limit, fromEnd: reverse),
            _ => LexRanks(set, minLex, maxLex, reverse).Limit(offset, limit, fromEnd: reverse),
        };
        members = Members(set, ranks, reverse);
        return null;
    }

    /// <summary>The ranks ZRANGE's start and stop indexes (negative from the end) name, in ascending terms when they count from the end with REV.</summary>
    public static RankRange IndexRanks(int length, long start, long end, bool reverse)
    {
        if (start < 0) start = length + start;
        if (end < 0) end = length + end;
        if (start < 0) start = 0;
        if (start > end || start >= length) return RankRange.Empty;
        if (end >= length) end = length - 1;
        return reverse ? new RankRange((int)(length - 1 - end), (int)(length - start)) : new RankRange((int)start, (int)end + 1);
    }

    /// <summary>The ranks of the members whose scores are within the bounds, each found by binary search.</summary>
    public static RankRange ScoreRanks(SortedSetValue set, ScoreBound min, ScoreBound max) =>
        new(set.Ordered.CountBefore(m => min.AtOrAboveMin(m.Score)), set.Ordered.CountBefore(m => !max.AtOrBelowMax(m.Score)));

    /// <summary>
    /// The ranks of the members within the bounds. With equal scores (what lex ranges are for) they are found by binary
    /// search. With mixed scores Redis leaves the answer unspecified, but gives a definite one for a small set, which is
    /// kept here for any: from the first member in score order at or above the minimum, the members up to the first
    /// above the maximum (from the end with <paramref name="reverse"/>: from the last at or below the maximum, down to the
    /// first below the minimum).
    /// </summary>
    public static RankRange LexRanks(SortedSetValue set, LexBound min, LexBound max, bool reverse = false)
    {
        if (set.Count == 0 || LexBound.IsEmptyRange(min, max)) return RankRange.Empty;
        var first = set.Ordered.Ascending(0).First();
        var last = set.Ordered.Descending(set.Count - 1).First();
        if (first.Score.Equals(last.Score))
            return new(set.Ordered.CountBefore(m => min.AtOrAboveMin(m.Member)), set.Ordered.CountBefore(m => !max.AtOrBelowMax(m.Member)));
        if (!min.AtOrAboveMin(last.Member) || !max.AtOrBelowMax(first.Member)) return RankRange.Empty;
        var members = set.Ordered.Ascending(0).Select(m => m.Member).ToList();
        if (reverse)
        {
            var top = members.FindLastIndex(m => max.AtOrBelowMax(m));
            if (top < 0 || !min.AtOrAboveMin(members[top])) return RankRange.Empty;
            var bottom = top;
            while (bottom > 0 && min.AtOrAboveMin(members[bottom - 1])) bottom--;
            return new(bottom, top + 1);
        }
        var start = members.FindIndex(m => min.AtOrAboveMin(m));
        if (start < 0 || !max.AtOrBelowMax(members[start])) return RankRange.Empty;
        var end = start;
        while (end < members.Count && max.AtOrBelowMax(members[end])) end++;
        return new(start, end);
    }

    private static IEnumerable<ScoredMember> Members(SortedSetValue set, RankRange ranks, bool reverse) =>
        ranks.Count == 0 ? []
        : reverse ? set.Ordered.Descending(ranks.End - 1).Take(ranks.Count)
        : set.Ordered.Ascending(ranks.Start).Take(ranks.Count);

    /// <summary>Members from a minimum score on, found in logarithmic time.</summary>
    public static IEnumerable<ScoredMember> From(SortedSetValue set, ScoreBound min) =>
        set.Ordered.Ascending(set.Ordered.CountBefore(m => min.AtOrAboveMin(m.Score)));

    public static CacheReply Reply(IEnumerable<ScoredMember> members, bool withScores)
    {
        var items = new List<CacheReply>();
        foreach (var m in members)
        {
            items.Add(CacheReply.Bulk(m.Member));
            if (withScores) items.Add(CacheReply.Number(m.Score));
        }
        return withScores ? CacheReply.Pairs([.. items]) : CacheReply.Array([.. items]);
    }
}
