using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>ZRANDMEMBER key [count [WITHSCORES]]: distinct members for a positive count, possibly repeated ones for a negative count.</summary>
public static class SortedSetRandom
{
    public static CacheReply Members(CacheKeyspace ks, byte[][] a)
    {
        var hasCount = a.Length >= 3;
        long count = 1;
        if (hasCount)
        {
            if (!CacheNumbers.TryParseLong(a[2], out count)) return CacheErrors.NotInteger;
            if (count == long.MinValue) return CacheReply.Error($"ERR value is out of range, value must between {-long.MaxValue} and {long.MaxValue}");
        }
        if (a.Length > 4 || (a.Length == 4 && !Arg.Is(a[3], "withscores"))) return CacheErrors.Syntax;
        var withScores = a.Length == 4;
        if (withScores && (count < -long.MaxValue / 2 || count > long.MaxValue / 2)) return CacheReply.Error("ERR value is out of range");
        var set = TypedLookup<SortedSetValue>.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        if (!hasCount) return set is null ? CacheReply.Nil : CacheReply.Bulk(At(set, Random.Shared.Next(set.Count)).Member);
        if (set is null || count == 0) return CacheReply.EmptyArray;
        IEnumerable<ScoredMember> chosen = count < 0
            ? Enumerable.Range(0, (int)Math.Min(-count, int.MaxValue)).Select(_ => At(set, Random.Shared.Next(set.Count)))
            : count >= set.Count ? set.Ordered : Distinct(set, (int)count);
        return SortedSetRanges.Reply(chosen, withScores);
    }

    /// <summary>
    /// <paramref name="count"/> (fewer than the set's) distinct random members: drawn rank by rank while they are few
    /// against the set, from a shuffled copy otherwise.
    /// </summary>
    private static IEnumerable<ScoredMember> Distinct(SortedSetValue set, int count)
    {
        if (count * 2 <= set.Count)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < count) chosen.Add(Random.Shared.Next(set.Count));
            return chosen.Select(rank => At(set, rank)).ToList();
        }
        var all = set.Ordered.ToArray();
        Random.Shared.Shuffle(all);
        return all.Take(count);
    }

    private static ScoredMember At(SortedSetValue set, int rank) => set.Ordered.ElementAt(rank);
}
