using System.Collections;

namespace DataTier.Cache.Values;

/// <summary>
/// Scored members in order, with ranks: a B+tree whose leaves hold up to 64 members in an array and are linked both ways,
/// and whose branches know how many members each child holds. Adding, removing, the rank of a member, the member at a rank
/// and the rank where a score or member bound falls are O(log n); walking on from a rank is O(1) a member.
/// </summary>
public sealed class ScoredMemberTree : IReadOnlyCollection<ScoredMember>
{
    private ScoredMemberNode _root = new ScoredMemberLeaf();

    public int Count { get; private set; }

    internal ScoredMemberNode Root => _root;

    /// <summary>Changes with every addition and removal, so that an enumeration can tell it was overtaken.</summary>
    internal int Version { get; private set; }

    /// <summary>The first member, or the default when empty.</summary>
    public ScoredMember Min => Count == 0 ? default : _root.First;

    /// <summary>The last member, or the default when empty.</summary>
    public ScoredMember Max => Count == 0 ? default : ElementAt(Count - 1);

    /// <summary>Adds a member; false when it is there already.</summary>
    public bool Add(ScoredMember member)
    {
        var split = _root.Insert(member, out var added);
        if (split is not null) _root = new ScoredMemberBranch(_root, split);
        if (added) Changed(+1);
        return added;
    }

    public bool Remove(ScoredMember member)
    {
        if (!_root.Remove(member)) return false;
        if (_root is ScoredMemberBranch { OnlyChild: { } child }) _root = child;
        Changed(-1);
        return true;
    }

    private void Changed(int by)
    {
        Count += by;
        Version++;
    }

    /// <summary>The 0-based rank of a member in ascending order, or -1 when it is not there.</summary>
    public int RankOf(ScoredMember member)
    {
        var rank = Seek(new ScoredMemberBound(member, Exclusive: false), out var leaf, out var index);
        return index < leaf.Count && leaf.Entries[index].CompareTo(member) == 0 ? rank : -1;
    }

    /// <summary>How many members are smaller than <paramref name="member"/>: the rank of the first one at or after it.</summary>
    public int LowerBound(ScoredMember member) => CountBefore(new ScoredMemberBound(member, Exclusive: false));

    /// <summary>The rank of the first member that meets the threshold, or <see cref="Count"/> when none does.</summary>
    public int CountBefore<TThreshold>(TThreshold threshold) where TThreshold : IMemberThreshold => Seek(threshold, out _, out _);

    /// <summary>The rank of the first member for which <paramref name="isMet"/> is true (false before it, true from it on).</summary>
    public int CountBefore(Func<ScoredMember, bool> isMet) => CountBefore(new MemberTest(isMet));

    public ScoredMember ElementAt(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, Count);
        return Locate(rank, out var index).Entries[index];
    }

    /// <summary>The members from <paramref name="rank"/> to the last; none when the rank is out of range.</summary>
    public ScoredMemberWalk Ascending(int rank) => new(this, rank, descending: false);

    /// <summary>The members from <paramref name="rank"/> down to the first; none when the rank is out of range.</summary>
    public ScoredMemberWalk Descending(int rank) => new(this, rank, descending: true);

    /// <summary>All members, last first (typed as <see cref="SortedSet{T}.Reverse"/> is, so that <c>max ? set.Reverse() : set</c> still reads as one sequence).</summary>
    public IEnumerable<ScoredMember> Reverse() => new ScoredMemberWalk(this, null, descending: true);

    public ScoredMemberEnumerator GetEnumerator() => new(this, 0, descending: false);

    IEnumerator<ScoredMember> IEnumerable<ScoredMember>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The leaf and index of the member at a rank that is in range.</summary>
    internal ScoredMemberLeaf Locate(int rank, out int index)
    {
        var node = _root;
        while (node is ScoredMemberBranch branch) node = branch.Entries[branch.ChildAt(ref rank)].Node;
        index = rank;
        return (ScoredMemberLeaf)node;
    }

    /// <summary>The rank of the first member that meets the threshold, with its leaf and index (past the last leaf's end when none does).</summary>
    private int Seek<TThreshold>(TThreshold threshold, out ScoredMemberLeaf leaf, out int index) where TThreshold : IMemberThreshold
    {
        var rank = 0;
        var node = _root;
        while (node is ScoredMemberBranch branch)
        {
            var child = branch.ChildBefore(threshold);
            rank += branch.SizeBefore(child);
            node = branch.Entries[child].Node;
        }
        leaf = (ScoredMemberLeaf)node;
        index = leaf.FirstMeeting(threshold);
        rank += index;
        // The branches led to the leaf of the last member that fails; the first that meets may open the next leaf.
        if (index == leaf.Count && leaf.Next is not null) (leaf, index) = (leaf.Next, 0);
        return rank;
    }
}
