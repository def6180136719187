using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>Sorted set commands on one shard (ranges are in <see cref="SortedSetRanges"/>).</summary>
public static class SortedSetCommands
{
    private static SortedSetValue? Lookup(CacheKeyspace ks, byte[] key, bool write, out CacheEntry? entry, out CacheReply? error) =>
        TypedLookup<SortedSetValue>.Find(ks, key, write, out entry, out error);

    public static CacheReply ZAdd(CacheKeyspace ks, byte[][] a)
    {
        bool nx = false, xx = false, gt = false, lt = false, ch = false, incr = false;
        var i = 2;
        for (; i < a.Length; i++)
        {
            if (Arg.Is(a[i], "nx")) nx = true;
            else if (Arg.Is(a[i], "xx")) xx = true;
            else if (Arg.Is(a[i], "gt")) gt = true;
            else if (Arg.Is(a[i], "lt")) lt = true;
            else if (Arg.Is(a[i], "ch")) ch = true;
            else if (Arg.Is(a[i], "incr")) incr = true;
            else break;
        }
        var elements = a.Length - i;
        if (elements % 2 != 0 || elements == 0) return CacheErrors.Syntax;
        elements /= 2;
        if (nx && xx) return CacheReply.Error("ERR XX and NX options at the same time are not compatible");
        if ((gt && nx) || (lt && nx) || (gt && lt)) return CacheReply.Error("ERR GT, LT, and/or NX options at the same time are not compatible");
        if (incr && elements > 1) return CacheReply.Error("ERR INCR option supports a single increment-element pair");
        var scores = new double[elements];
        for (var e = 0; e < elements; e++)
            if (!CacheNumbers.TryParseDouble(a[i + e * 2], out scores[e])) return CacheErrors.NotFloat;
        var set = Lookup(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (set is null)
        {
            if (xx) return incr ? CacheReply.Nil : CacheReply.Zero;
            set = new SortedSetValue();
            entry = ks.Add(a[1], set);
        }
        long added = 0, updated = 0;
        double result = 0;
        var performed = false;
        for (var e = 0; e < elements; e++)
        {
            var member = a[i + e * 2 + 1];
            var score = scores[e];
            if (set.Scores.TryGetValue(member, out var current))
            {
                if (nx) continue;
                if (incr)
                {
                    score = current + score;
                    if (double.IsNaN(score)) return Finish(ks, entry!, set, CacheErrors.ScoreNaN);
                }
                if ((gt && score <= current) || (lt && score >= current)) continue;
                result = score;
                performed = true;
                if (!current.Equals(score))
                {
                    set.Set(member, score);
                    updated++;
                }
            }
            else
            {
                if (xx) continue;
                set.Set(member, score);
                added++;
                result = score;
                performed = true;
            }
        }
        var reply = incr ? (performed ? CacheReply.Number(result) : CacheReply.Nil) : CacheReply.Int(ch ? added + updated : added);
        if (added > 0) ks.KeyGrew(a[1]);
        return Finish(ks, entry!, set, reply, added + updated > 0 ? incr ? "zincr" : "zadd" : null);
    }

    /// <summary>After a change: the key resized, or removed when empty; then the command's event (when it changed the set) and <c>del</c>.</summary>
    private static CacheReply Finish(CacheKeyspace ks, CacheEntry entry, SortedSetValue set, CacheReply reply, string? @event = null)
    {
        if (@event is null)
        {
            TypedLookup<SortedSetValue>.Changed(ks, entry, set.Count == 0);
            return reply;
        }
        TypedLookup<SortedSetValue>.Changed(ks, entry, set.Count == 0, Notifications.KeyspaceEventTypes.SortedSet, @event);
        return reply;
    }

    public static CacheReply ZIncrBy(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseDouble(a[2], out var by)) return CacheErrors.NotFloat;
        var set = Lookup(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (set is null)
        {
            set = new SortedSetValue();
            entry = ks.Add(a[1], set);
        }
        var score = set.Scores.TryGetValue(a[3], out var current) ? current + by : by;
        if (double.IsNaN(score)) return Finish(ks, entry!, set, CacheErrors.ScoreNaN);
        if (set.Set(a[3], score)) ks.KeyGrew(a[1]);
        return Finish(ks, entry!, set, CacheReply.Number(score), "zincr");
    }

    public static CacheReply ZRem(CacheKeyspace ks, byte[][] a)
    {
        var set = Lookup(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (set is null) return CacheReply.Zero;
        var removed = 0;
        for (var i = 2; i < a.Length; i++)
            if (set.Remove(a[i])) removed++;
        return Finish(ks, entry!, set, CacheReply.Int(removed), removed > 0 ? "zrem" : null);
    }

    public static CacheReply ZScore(CacheKeyspace ks, byte[][] a)
    {
        var set = Lookup(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        return set is not null && set.Scores.TryGetValue(a[2], out var score) ? CacheReply.Number(score) : CacheReply.Nil;
    }

    public static CacheReply ZMScore(CacheKeyspace ks, byte[][] a)
    {
        var set = Lookup(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        var items = new CacheReply[a.Length - 2];
        for (var i = 2; i < a.Length; i++)
            items[i - 2] = set is not null && set.Scores.TryGetValue(a[i], out var score) ? CacheReply.Number(score) : CacheReply.Nil;
        return CacheReply.Array(items);
    }

    public static CacheReply ZCard(CacheKeyspace ks, byte[][] a)
    {
        var set = Lookup(ks, a[1], false, out _, out var error);
        return error ?? CacheReply.Int(set?.Count ?? 0);
    }

    public static CacheReply ZCount(CacheKeyspace ks, byte[][] a, bool lex)
    {
        ScoreBound minScore = default, maxScore = default;
        LexBound minLex = default, maxLex = default;
        if (lex)
        {
            if (!LexBound.TryParse(a[2], out minLex) || !LexBound.TryParse(a[3], out maxLex)) return CacheErrors.MinMaxNotLex;
        }
        else if (!ScoreBound.TryParse(a[2], out minScore) || !ScoreBound.TryParse(a[3], out maxScore)) return CacheErrors.MinMaxNotFloat;
        var set = Lookup(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        if (set is null) return CacheReply.Zero;
        var ranks = lex ? SortedSetRanges.LexRanks(set, minLex, maxLex) : SortedSetRanges.ScoreRanks(set, minScore, maxScore);
        return CacheReply.Int(ranks.Count);
    }

    public static CacheReply ZRank(CacheKeyspace ks, byte[][] a, bool reverse)
    {
        var set = Lookup(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        if (set is null) return CacheReply.Nil;
        var rank = set.RankOf(a[2]);
        if (rank < 0) return CacheReply.Nil;
        return CacheReply.Int(reverse ? set.Count - 1 - rank : rank);
    }

    public static CacheReply ZPop(CacheKeyspace ks, byte[][] a, bool max)
    {
        if (a.Length > 3) return CacheErrors.Syntax;
        long count = 1;
        var hasCount = a.Length == 3;
        if (hasCount)
        {
            if (!CacheNumbers.TryParseLong(a[2], out count) || count < 0) return CacheErrors.NotPositive;
        }
        var set = Lookup(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (set is null) return CacheReply.EmptyArray;
        var items = SortedSetPops.Take(set, max, count);
        return Finish(ks, entry!, set, hasCount ? CacheReply.Pairs(items) : CacheReply.Array(items), items.Length > 0 ? max ? "zpopmax" : "zpopmin" : null);
    }

    public static CacheReply ZScan(CacheKeyspace ks, byte[][] a)
    {
        if (ScanArgs.Parse(a, 3, allowType: false, out var scan) is { } parseError) return parseError;
        var set = Lookup(ks, a[1], false, out var entry, out var error);
        if (error is not null) return error;
        if (set is null) return CacheReply.EmptyScan;
        ulong next = 0;
        IEnumerable<byte[]> members = set.Ordered.Select(m => m.Member);
        if (set.IsSkiplist)
        {
            members = set.ScanOrder.Page(scan.Cursor, scan.Count, out next);
            if (next == 0) set.ReleaseScanOrder();
            ks.Reaccount(entry!);
        }
        var items = new List<CacheReply>();
        foreach (var member in members)
        {
            if (!set.Scores.TryGetValue(member, out var score)) continue;
            if (scan.Pattern is not null && !GlobPattern.IsMatch(scan.Pattern, member)) continue;
            items.Add(CacheReply.Bulk(member));
            items.Add(CacheReply.Bulk(ScoreFormat.FormatBytes(score)));
        }
        return CacheReply.ScanPage(next, items);
    }
}
