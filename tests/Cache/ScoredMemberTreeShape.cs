using DataTier.Cache.Values;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>Checks a <see cref="ScoredMemberTree"/>'s bookkeeping: sizes, first members, fill, equal depth and the leaves' links.</summary>
internal static class ScoredMemberTreeShape
{
    /// <summary>Returns the number of leaves.</summary>
    public static int Check(ScoredMemberTree tree)
    {
        var leaves = new List<ScoredMemberLeaf>();
        Assert.Equal(tree.Count, Visit(tree.Root, isRoot: true, leaves, depth: 0, leafDepth: [-1]));
        for (var i = 0; i < leaves.Count; i++)
        {
            Assert.Same(i == 0 ? null : leaves[i - 1], leaves[i].Previous);
            Assert.Same(i == leaves.Count - 1 ? null : leaves[i + 1], leaves[i].Next);
        }
        return leaves.Count;
    }

    private static int Visit(ScoredMemberNode node, bool isRoot, List<ScoredMemberLeaf> leaves, int depth, int[] leafDepth)
    {
        Assert.InRange(node.Count, isRoot ? (node is ScoredMemberLeaf ? 0 : 2) : 1, ScoredMemberNode.Capacity);
        if (node is ScoredMemberLeaf leaf)
        {
            if (leafDepth[0] < 0) leafDepth[0] = depth;
            Assert.Equal(leafDepth[0], depth);
            for (var i = 1; i < leaf.Count; i++) Assert.True(leaf.Entries[i - 1].CompareTo(leaf.Entries[i]) < 0);
            for (var i = leaf.Count; i < ScoredMemberNode.Capacity; i++) Assert.Null(leaf.Entries[i].Member);
            leaves.Add(leaf);
            return leaf.Count;
        }
        var branch = (ScoredMemberBranch)node;
        var size = 0;
        for (var i = 0; i < branch.Count; i++)
        {
            var child = branch.Entries[i];
            Assert.Equal(child.Node.First, child.First);
            Assert.Equal(Visit(child.Node, isRoot: false, leaves, depth + 1, leafDepth), child.Size);
            size += child.Size;
        }
        return size;
    }
}
