using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Values;

/// <summary>A Redis sorted set: member to score, plus the members ordered by (score, member).</summary>
public sealed class SortedSetValue
{
    public const int EntryOverhead = 96;

    public Dictionary<byte[], double> Scores { get; } = new(ByteArrayComparer.Instance);

    public SortedSet<ScoredMember> Ordered { get; } = [];

    public long Bytes { get; private set; }

    public int Count => Scores.Count;

    /// <summary>Adds or moves a member; true when it is new.</summary>
    public bool Set(byte[] member, double score)
    {
        if (Scores.TryGetValue(member, out var old))
        {
            if (old.Equals(score)) return false;
            Ordered.Remove(new ScoredMember(old, member));
            Scores[member] = score;
            Ordered.Add(new ScoredMember(score, member));
            return false;
        }
        Scores[member] = score;
        Ordered.Add(new ScoredMember(score, member));
        Bytes += EntryOverhead + member.Length;
        return true;
    }

    public bool Remove(byte[] member)
    {
        if (!Scores.Remove(member, out var score)) return false;
        Ordered.Remove(new ScoredMember(score, member));
        Bytes -= EntryOverhead + member.Length;
        return true;
    }

    /// <summary>0-based rank in ascending order, or -1.</summary>
    public long RankOf(byte[] member)
    {
        if (!Scores.TryGetValue(member, out var score)) return -1;
        var target = new ScoredMember(score, member);
        long rank = 0;
        foreach (var m in Ordered)
        {
            if (m.CompareTo(target) == 0) return rank;
            rank++;
        }
        return -1;
    }
}
