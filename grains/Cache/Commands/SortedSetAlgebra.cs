using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>
/// Union, intersection and difference of sorted sets (and plain sets, whose members score 1), as Redis 7.0 makes them:
/// each source's scores multiplied by its weight (NaN counts as 0), a member's scores combined by the aggregate, the
/// sources taken smallest first for union and intersection. Used on one shard when the keys share it, and by the RESP
/// session over exported values when they do not.
/// </summary>
public static class SortedSetAlgebra
{
    /// <summary>WRONGTYPE when a value is neither a sorted set nor a set; null when all may be combined.</summary>
    public static CacheReply? CheckTypes(IReadOnlyList<object?> values) =>
        values.All(v => v is null or SortedSetValue or SetValue) ? null : CacheErrors.WrongType;

    /// <summary>The result ordered by score, then member.</summary>
    public static List<ScoredMember> Combine(SortedSetOperationArgs args, IReadOnlyList<object?> values)
    {
        var sources = values.Select((v, i) => new Source(v, args.Weights[i])).ToList();
        Dictionary<byte[], double> result = args.Operation switch
        {
            SetOperation.Union => Union(Smallest(sources), args.Aggregate),
            SetOperation.Inter => Intersection(Smallest(sources), args.Aggregate),
            _ => Difference(sources),
        };
        var ordered = result.Select(r => new ScoredMember(r.Value, r.Key)).ToList();
        ordered.Sort();
        return ordered;
    }

    private static List<Source> Smallest(List<Source> sources) => [.. sources.OrderBy(s => s.Count)];

    private static Dictionary<byte[], double> Union(List<Source> sources, ScoreAggregate aggregate)
    {
        var result = new Dictionary<byte[], double>(ByteArrayComparer.Instance);
        foreach (var source in sources)
        {
            foreach (var (member, score) in source.Members())
            {
                var weighted = Weighted(score, source.Weight);
                result[member] = result.TryGetValue(member, out var sum) ? Combine(sum, weighted, aggregate) : weighted;
            }
        }
        return result;
    }

    private static Dictionary<byte[], double> Intersection(List<Source> sources, ScoreAggregate aggregate)
    {
        var result = new Dictionary<byte[], double>(ByteArrayComparer.Instance);
        if (sources[0].Count == 0) return result;
        foreach (var (member, score) in sources[0].Members())
        {
            var combined = Weighted(score, sources[0].Weight);
            var everywhere = true;
            for (var i = 1; i < sources.Count && everywhere; i++)
            {
                if (sources[i].TryGetScore(member, out var other)) combined = Combine(combined, other * sources[i].Weight, aggregate);
                else everywhere = false;
            }
            if (everywhere) result[member] = combined;
        }
        return result;
    }

    private static Dictionary<byte[], double> Difference(List<Source> sources)
    {
        var result = new Dictionary<byte[], double>(ByteArrayComparer.Instance);
        foreach (var (member, score) in sources[0].Members())
            if (!sources.Skip(1).Any(s => s.TryGetScore(member, out _))) result[member] = score;
        return result;
    }

    private static double Weighted(double score, double weight)
    {
        var weighted = score * weight;
        return double.IsNaN(weighted) ? 0 : weighted;
    }

    private static double Combine(double current, double value, ScoreAggregate aggregate)
    {
        switch (aggregate)
        {
            case ScoreAggregate.Sum:
                var sum = current + value;
                return double.IsNaN(sum) ? 0 : sum;
            case ScoreAggregate.Min:
                return value < current ? value : current;
            default:
                return value > current ? value : current;
        }
    }

    /// <summary>A source of an operation: a sorted set, a set (every member scores 1), or nothing (an absent key).</summary>
    private readonly record struct Source(object? Value, double Weight)
    {
        public int Count => Value switch
        {
            SortedSetValue z => z.Count,
            SetValue s => s.Count,
            _ => 0,
        };

        public IEnumerable<(byte[] Member, double Score)> Members() => Value switch
        {
            SortedSetValue z => z.Scores.Select(p => (p.Key, p.Value)),
            SetValue s => s.Members.Select(m => (m, 1.0)),
            _ => [],
        };

        public bool TryGetScore(byte[] member, out double score)
        {
            score = 1;
            return Value switch
            {
                SortedSetValue z => z.Scores.TryGetValue(member, out score),
                SetValue s => s.Contains(member),
                _ => false,
            };
        }
    }
}
