using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>ZRANDMEMBER key [count [WITHSCORES]]: distinct members for a positive count, possibly repeated ones for a negative count.</summary>
public static class SortedSetRandom
{
    public static CacheReply Members(CacheKeyspace ks, byte[][] a)
    {
        if (RandomCountArgs.Find<SortedSetValue>(ks, a, "withscores", out var args, out var set) is { } known) return known;
        var (hasCount, count, withScores) = args;
        if (!hasCount) return CacheReply.Bulk(At(set, Random.Shared.Next(set.Count)).Member);
        IEnumerable<ScoredMember> chosen = count < 0
            ? Enumerable.Range(0, (int)-count).Select(_ => At(set, Random.Shared.Next(set.Count)))
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
