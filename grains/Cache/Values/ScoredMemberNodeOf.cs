namespace DataTier.Cache.Values;

/// <summary>A tree node's entries, in order in a fixed array, and the moves that insertion, removal, splits, merges and balancing make.</summary>
internal abstract class ScoredMemberNode<TEntry> : ScoredMemberNode
{
    public TEntry[] Entries { get; } = new TEntry[Capacity];

    /// <summary>The member that orders an entry: the member itself, or the first member under a child.</summary>
    protected abstract ScoredMember KeyOf(in TEntry entry);

    /// <summary>The index of the first entry whose key meets the threshold, or <see cref="ScoredMemberNode.Count"/>.</summary>
    public int FirstMeeting<TThreshold>(TThreshold threshold) where TThreshold : IMemberThreshold
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (threshold.IsMetBy(KeyOf(Entries[middle]))) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    public void InsertAt(int index, TEntry entry)
    {
        Array.Copy(Entries, index, Entries, index + 1, Count - index);
        Entries[index] = entry;
        Count++;
    }

    public void RemoveAt(int index)
    {
        Count--;
        Array.Copy(Entries, index + 1, Entries, index, Count - index);
        Entries[Count] = default!;
    }

    /// <summary>Moves this node's last <paramref name="count"/> entries to the front of <paramref name="right"/>.</summary>
    protected void MoveTailTo(ScoredMemberNode<TEntry> right, int count)
    {
        Array.Copy(right.Entries, 0, right.Entries, count, right.Count);
        Array.Copy(Entries, Count - count, right.Entries, 0, count);
        Array.Clear(Entries, Count - count, count);
        Count -= count;
        right.Count += count;
    }

    /// <summary>Moves the first <paramref name="count"/> entries of <paramref name="right"/> to this node's end.</summary>
    protected void MoveHeadFrom(ScoredMemberNode<TEntry> right, int count)
    {
        Array.Copy(right.Entries, 0, Entries, Count, count);
        Array.Copy(right.Entries, count, right.Entries, 0, right.Count - count);
        Array.Clear(right.Entries, right.Count - count, count);
        Count += count;
        right.Count -= count;
    }

    public override void Balance(ScoredMemberNode right)
    {
        var neighbour = (ScoredMemberNode<TEntry>)right;
        var half = (Count + neighbour.Count) / 2;
        if (Count > half) MoveTailTo(neighbour, Count - half);
        else MoveHeadFrom(neighbour, half - Count);
    }
}
