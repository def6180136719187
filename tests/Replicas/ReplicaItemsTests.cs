using DataTier.Model;
using DataTier.Partitions;
using DataTier.Replicas;
using DataTier.Store;
using Xunit;

namespace DataTier.Tests.Replicas;

public class ReplicaItemsTests
{
    private static byte[] Position(int i) => [0, 0, 0, 0, 0, 0, 0, (byte)i];

    private static VersionedItem Item(int i, int padding = 0) =>
        new(1, new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS($"k{i}"), ["pad"] = AttrValue.FromS(new string('x', padding + 1)) });

    [Fact]
    public void A_complete_replica_knows_absent_items()
    {
        var items = new ReplicaItems(1 << 20);
        items.Set(Position(1), Item(1));
        Assert.True(items.TryGet(Position(1), out var held));
        Assert.NotNull(held);
        Assert.True(items.TryGet(Position(2), out var absent));
        Assert.Null(absent);
        items.Remove(Position(1));
        Assert.True(items.TryGet(Position(1), out var removed));
        Assert.Null(removed);
    }

    [Fact]
    public void Past_its_budget_a_replica_is_partial_and_a_miss_is_unknown()
    {
        var items = new ReplicaItems(2000);
        for (var i = 0; i < 10; i++) items.Set(Position(i), Item(i, 400));
        Assert.False(items.Complete);
        Assert.InRange(items.Count, 1, 9);
        Assert.False(items.TryGet(Position(9), out _));
        // Growing a held item past the budget drops it rather than exceed the budget.
        items.Set(Position(0), Item(0, 4000));
        Assert.False(items.TryGet(Position(0), out _));
    }

    [Fact]
    public void Ranges_come_in_order_with_their_bounds()
    {
        var items = new ReplicaItems(1 << 20);
        foreach (var i in new[] { 5, 1, 4, 2, 3 }) items.Set(Position(i), Item(i));
        var range = new KeyRange(Position(2), false, Position(4), true);
        Assert.Equal(new byte[] { 3, 4 }, items.Range(range, false).Select(e => e.Position[7]).ToArray());
        Assert.Equal(new byte[] { 4, 3 }, items.Range(range, true).Select(e => e.Position[7]).ToArray());
        Assert.Equal(5, items.Range(KeyRange.All, false).Count());
        Assert.Empty(items.Range(new KeyRange(Position(9), true, null, true), false));
    }
}
