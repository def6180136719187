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

    /// <summary>
    /// Whether Redis would hold this sorted set as a skiplist rather than a listpack: once it has had more than 128 members
    /// or a member longer than 64 bytes (zset-max-listpack-entries and -value), or was sorted by SORT; Redis never converts back.
    /// </summary>
    public bool IsSkiplist { get; private set; }

    public void ConvertToSkiplist() => IsSkiplist = true;

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
        if (Scores.Count > ListpackLimits.SortedSetMaxEntries || member.Length > ListpackLimits.MaxValueBytes) IsSkiplist = true;
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
