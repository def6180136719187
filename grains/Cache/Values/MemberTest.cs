namespace DataTier.Cache.Values;

/// <summary>A threshold given as a test on members (false before the threshold, true from it on).</summary>
public readonly record struct MemberTest(Func<ScoredMember, bool> IsMet) : IMemberThreshold
{
    public bool IsMetBy(ScoredMember member) => IsMet(member);
}
