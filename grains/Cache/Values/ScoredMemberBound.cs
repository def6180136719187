namespace DataTier.Cache.Values;

/// <summary>Met by the members at or after <paramref name="Member"/>, or only by those after it when exclusive.</summary>
public readonly record struct ScoredMemberBound(ScoredMember Member, bool Exclusive) : IMemberThreshold
{
    public bool IsMetBy(ScoredMember member)
    {
        var c = member.CompareTo(Member);
        return Exclusive ? c > 0 : c >= 0;
    }
}
