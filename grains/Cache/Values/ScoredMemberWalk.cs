using System.Collections;

namespace DataTier.Cache.Values;

/// <summary>The members of a <see cref="ScoredMemberTree"/> up or down from a rank (from the last member when none is given), walked lazily.</summary>
public sealed class ScoredMemberWalk(ScoredMemberTree tree, int? start, bool descending) : IEnumerable<ScoredMember>
{
    public ScoredMemberEnumerator GetEnumerator() => new(tree, start ?? (descending ? tree.Count - 1 : 0), descending);

    IEnumerator<ScoredMember> IEnumerable<ScoredMember>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
