using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Values;

/// <summary>A Redis sorted set: member to score, plus the members ordered by (score, member) in a tree that knows their ranks.</summary>
public sealed class SortedSetValue
{
    /// <summary>
    /// Bytes a member costs beyond its own bytes: its dictionary entry and bucket (about 40) and its slot in the tree's leaves,
    /// 16 bytes in leaves about 70 to 90% full, with the branches (about 20): between 54 and 66 retained in all, measured over 100,000
    /// and 1,000,000 members added in order, at random, and after 200,000 new scores.
    /// </summary>
    public const int EntryOverhead = 64;

    public Dictionary<byte[], double> Scores { get; } = new(ByteArrayComparer.Instance);

    public ScoredMemberTree Ordered { get; } = new();

    public long Bytes { get; private set; }

    public int Count => Scores.Count;

    /// <summary>
    /// Whether Redis would hold this sorted set as a skiplist rather than a listpack: once it has had more than 128 members
    /// or a member longer than 64 bytes (zset-max-listpack-entries and -value), or was sorted by SORT; Redis never converts back.
    /// </summary>
    public bool IsSkiplist { get; private set; }

    public void ConvertToSkiplist() => IsSkiplist = true;

    /// <summary>Back to a listpack, which only RESTORE does: Redis 7.0 keeps a restored listpack up to 128 members, however long they are.</summary>
    public void ConvertToListpack() => IsSkiplist = false;

    private ScanOrder? _scanOrder;

    /// <summary>ZSCAN's page order while the sorted set is a skiplist.</summary>
    public ScanOrder ScanOrder => _scanOrder ??= ScanOrder.Of(Scores.Keys, Scores.Count);

    /// <summary>Frees the page order once a scan has reached its end.</summary>
    public void ReleaseScanOrder() => _scanOrder = null;

    /// <summary>The memory the page order holds while a scan goes on, counted against maxmemory with the value.</summary>
    public long ScanOrderBytes => _scanOrder?.Bytes ?? 0;

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
        _scanOrder = null;
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
    public long RankOf(byte[] member) => Scores.TryGetValue(member, out var score) ? Ordered.RankOf(new ScoredMember(score, member)) : -1;
}
