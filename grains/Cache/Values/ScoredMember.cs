namespace DataTier.Cache.Values;

/// <summary>A sorted set's member with its score, ordered by score and then by member bytes, as Redis orders them.</summary>
public readonly record struct ScoredMember(double Score, byte[] Member) : IComparable<ScoredMember>
{
    public int CompareTo(ScoredMember other)
    {
        var c = Score.CompareTo(other.Score);
        return c != 0 ? c : Member.AsSpan().SequenceCompareTo(other.Member);
    }
}
