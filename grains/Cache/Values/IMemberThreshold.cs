namespace DataTier.Cache.Values;

/// <summary>
/// A place in the order of scored members: the members before it do not meet it, the members from it on do.
/// <see cref="ScoredMemberTree"/> finds where it falls by binary search, so a test that is not monotone in that order finds an arbitrary place.
/// </summary>
public interface IMemberThreshold
{
    bool IsMetBy(ScoredMember member);
}
