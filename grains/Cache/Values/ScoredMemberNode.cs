namespace DataTier.Cache.Values;

/// <summary>A node of a <see cref="ScoredMemberTree"/>: a <see cref="ScoredMemberLeaf"/> of members or a <see cref="ScoredMemberBranch"/> of nodes.</summary>
internal abstract class ScoredMemberNode
{
    public const int Capacity = 64;

    /// <summary>A node other than the root with fewer entries than this takes some from a neighbour or merges with it.</summary>
    public const int MinCount = Capacity / 4;

    /// <summary>Entries in use: members in a leaf, children in a branch.</summary>
    public int Count { get; protected set; }

    /// <summary>The smallest member under this node.</summary>
    public abstract ScoredMember First { get; }

    /// <summary>How many members are under this node (a branch adds up its children's).</summary>
    public abstract int Size { get; }

    /// <summary>Adds a member unless it is there; returns the new right neighbour when this node had to split.</summary>
    public abstract ScoredMemberNode? Insert(ScoredMember member, out bool added);

    public abstract bool Remove(ScoredMember member);

    /// <summary>Moves all the entries of <paramref name="right"/>, this node's right neighbour, to this node's end.</summary>
    public abstract void Absorb(ScoredMemberNode right);

    /// <summary>Moves entries between this node and its right neighbour until each has half.</summary>
    public abstract void Balance(ScoredMemberNode right);
}
