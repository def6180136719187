namespace DataTier.Cache.Values;

/// <summary>A branch of a <see cref="ScoredMemberTree"/>: child nodes in order, each with its first member and its number of members.</summary>
internal sealed class ScoredMemberBranch : ScoredMemberNode<ScoredMemberChild>
{
    public ScoredMemberBranch()
    {
    }

    public ScoredMemberBranch(ScoredMemberNode left, ScoredMemberNode right)
    {
        InsertAt(0, new ScoredMemberChild(left));
        InsertAt(1, new ScoredMemberChild(right));
    }

    public override ScoredMember First => Entries[0].First;

    public override int Size => SizeBefore(Count);

    protected override ScoredMember KeyOf(in ScoredMemberChild entry) => entry.First;

    /// <summary>Members under the children before <paramref name="child"/>.</summary>
    public int SizeBefore(int child)
    {
        var size = 0;
        for (var i = 0; i < child; i++) size += Entries[i].Size;
        return size;
    }

    /// <summary>The child holding the last member that does not meet the threshold (the first child when every member does).</summary>
    public int ChildBefore<TThreshold>(TThreshold threshold) where TThreshold : IMemberThreshold =>
        Math.Max(FirstMeeting(threshold) - 1, 0);

    /// <summary>The child holding the member at <paramref name="rank"/>; the rank becomes the member's rank within that child.</summary>
    public int ChildAt(ref int rank)
    {
        var child = 0;
        while (child < Count - 1 && rank >= Entries[child].Size) rank -= Entries[child++].Size;
        return child;
    }

    /// <summary>The child whose members' range takes in <paramref name="member"/>.</summary>
    private int ChildFor(ScoredMember member) => ChildBefore(new ScoredMemberBound(member, Exclusive: true));

    public override ScoredMemberNode? Insert(ScoredMember member, out bool added)
    {
        var index = ChildFor(member);
        ref var entry = ref Entries[index];
        var split = entry.Node.Insert(member, out added);
        if (!added) return null;
        entry.First = entry.Node.First;
        if (split is null)
        {
            entry.Size++;
            return null;
        }
        entry.Size = entry.Node.Size;
        return Add(index + 1, new ScoredMemberChild(split));
    }

    private ScoredMemberBranch? Add(int index, ScoredMemberChild child)
    {
        if (Count < Capacity)
        {
            InsertAt(index, child);
            return null;
        }
        var right = new ScoredMemberBranch();
        MoveTailTo(right, Count / 2);
        if (index <= Count) InsertAt(index, child);
        else right.InsertAt(index - Count, child);
        return right;
    }

    public override bool Remove(ScoredMember member)
    {
        var index = ChildFor(member);
        ref var entry = ref Entries[index];
        if (!entry.Node.Remove(member)) return false;
        entry.Size--;
        if (entry.Node.Count < MinCount) Rejoin(index);
        else entry.First = entry.Node.First;
        return true;
    }

    /// <summary>Merges a child that fell below <see cref="ScoredMemberNode.MinCount"/> with a neighbour, or evens the two out when they would not fit in one node.</summary>
    private void Rejoin(int index)
    {
        var left = index > 0 ? index - 1 : index;
        var (leftNode, rightNode) = (Entries[left].Node, Entries[left + 1].Node);
        if (leftNode.Count + rightNode.Count <= Capacity)
        {
            leftNode.Absorb(rightNode);
            RemoveAt(left + 1);
        }
        else
        {
            leftNode.Balance(rightNode);
            Entries[left + 1] = new ScoredMemberChild(rightNode);
        }
        Entries[left] = new ScoredMemberChild(leftNode);
    }

    /// <summary>The only child, when a merge left the root with one.</summary>
    public ScoredMemberNode? OnlyChild => Count == 1 ? Entries[0].Node : null;

    public override void Absorb(ScoredMemberNode right)
    {
        var branch = (ScoredMemberBranch)right;
        MoveHeadFrom(branch, branch.Count);
    }
}
