using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>ZRANGE with BYSCORE, BYLEX, REV, LIMIT and WITHSCORES, and the older ZREVRANGE, ZRANGEBYSCORE, ZRANGEBYLEX and their REV forms, parsed as Redis 7 parses them.</summary>
public static class SortedSetRanges
{
    public static CacheReply Range(CacheKeyspace ks, byte[][] a, RangeKind kind, bool reverse)
    {
        var isZRange = kind == RangeKind.Auto;
        var reverseSet = !isZRange;
        var withScores = false;
        long offset = 0, limit = -1;
        for (var j = 4; j < a.Length; j++)
        {
            var left = a.Length - j - 1;
            if (Arg.Is(a[j], "withscores")) withScores = true;
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
        var (minArg, maxArg) = reverse && kind != RangeKind.Rank ? (a[3], a[2]) : (a[2], a[3]);

        IEnumerable<ScoredMember> selected;
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
        var entry = ks.Read(a[1]);
        if (entry is null) return CacheReply.EmptyArray;
        if (entry.Value is not SortedSetValue set) return CacheErrors.WrongType;
        var ordered = reverse ? set.Ordered.Reverse() : set.Ordered;
        switch (kind)
        {
            case RangeKind.Rank:
                long length = set.Count;
                if (start < 0) start = length + start;
                if (end < 0) end = length + end;
                if (start < 0) start = 0;
                if (start > end || start >= length) return CacheReply.EmptyArray;
                if (end >= length) end = length - 1;
                selected = ordered.Skip((int)start).Take((int)(end - start + 1));
                break;
            case RangeKind.Score:
                if (offset < 0) return CacheReply.EmptyArray;
                selected = reverse
                    ? ordered.SkipWhile(m => !maxScore.AtOrBelowMax(m.Score)).TakeWhile(m => minScore.AtOrAboveMin(m.Score))
                    : From(set, minScore).TakeWhile(m => maxScore.AtOrBelowMax(m.Score));
                selected = Limit(selected, offset, limit);
                break;
            default:
                if (offset < 0) return CacheReply.EmptyArray;
                selected = reverse
                    ? ordered.SkipWhile(m => !maxLex.AtOrBelowMax(m.Member)).TakeWhile(m => minLex.AtOrAboveMin(m.Member))
                    : ordered.SkipWhile(m => !minLex.AtOrAboveMin(m.Member)).TakeWhile(m => maxLex.AtOrBelowMax(m.Member));
                selected = Limit(selected, offset, limit);
                break;
        }
        return Reply(selected, withScores);
    }

    /// <summary>Members from a minimum score on, found in logarithmic time.</summary>
    public static IEnumerable<ScoredMember> From(SortedSetValue set, ScoreBound min)
    {
        if (set.Count == 0) return [];
        var lower = new ScoredMember(min.Value, []);
        var max = set.Ordered.Max;
        if (lower.CompareTo(max) > 0) return [];
        return set.Ordered.GetViewBetween(lower, max).SkipWhile(m => !min.AtOrAboveMin(m.Score));
    }

    private static IEnumerable<ScoredMember> Limit(IEnumerable<ScoredMember> members, long offset, long limit)
    {
        if (offset > 0) members = members.Skip((int)Math.Min(offset, int.MaxValue));
        if (limit >= 0) members = members.Take((int)Math.Min(limit, int.MaxValue));
        return members;
    }

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
