namespace DataTier.Cache.Values;

/// <summary>A leaf of a <see cref="ScoredMemberTree"/>: members in order, linked to the leaves on either side for walking the order.</summary>
internal sealed class ScoredMemberLeaf : ScoredMemberNode<ScoredMember>
{
    public ScoredMemberLeaf? Previous { get; private set; }

    public ScoredMemberLeaf? Next { get; private set; }

    public override ScoredMember First => Entries[0];

    public override int Size => Count;

    protected override ScoredMember KeyOf(in ScoredMember entry) => entry;

    /// <summary>Where <paramref name="member"/> is, or where it would go.</summary>
    private int Find(ScoredMember member, out bool found)
    {
        var index = FirstMeeting(new ScoredMemberBound(member, Exclusive: false));
        found = index < Count && Entries[index].CompareTo(member) == 0;
        return index;
    }

    public override ScoredMemberNode? Insert(ScoredMember member, out bool added)
    {
        var index = Find(member, out var found);
        added = !found;
        if (found) return null;
        if (Count < Capacity)
        {
            InsertAt(index, member);
            return null;
        }
        var right = SplitAt(SplitPoint(index));
        if (index < Count || Count == 0) InsertAt(index, member);
        else right.InsertAt(index - Count, member);
        return right;
    }

    /// <summary>
    /// Where a full leaf splits for a member going in at <paramref name="index"/>: in half, except that a member past the last
    /// leaf's end or before the first leaf's start goes into a leaf of its own, so members added in order (timestamps, counters)
    /// leave full leaves behind them instead of half-full ones.
    /// </summary>
    private int SplitPoint(int index) =>
        index == Capacity && Next is null ? Capacity
        : index == 0 && Previous is null ? 0
        : Capacity / 2;

    private ScoredMemberLeaf SplitAt(int start)
    {
        var right = new ScoredMemberLeaf { Previous = this, Next = Next };
        if (Next is not null) Next.Previous = right;
        Next = right;
        MoveTailTo(right, Count - start);
        return right;
    }

    public override bool Remove(ScoredMember member)
    {
        var index = Find(member, out var found);
        if (!found) return false;
        RemoveAt(index);
        return true;
    }

    public override void Absorb(ScoredMemberNode right)
    {
        var leaf = (ScoredMemberLeaf)right;
        MoveHeadFrom(leaf, leaf.Count);
        Next = leaf.Next;
        if (Next is not null) Next.Previous = this;
    }
}
