namespace DataTier.Cache.Values;

/// <summary>A branch's entry: a child node, the first member under it, and how many members it holds.</summary>
internal struct ScoredMemberChild(ScoredMemberNode node)
{
    public ScoredMember First = node.First;
    public ScoredMemberNode Node = node;
    public int Size = node.Size;
}
