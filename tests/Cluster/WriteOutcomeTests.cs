using DataTier.Expressions;
using DataTier.Model;
using DataTier.Partitions;
using Xunit;

namespace DataTier.Tests.Cluster;

/// <summary>A partition's answer to a write carries the old or new item only when the command asks for it, and always the size its capacity units count.</summary>
[Collection("cluster")]
public class WriteOutcomeTests(ClusterFixture fixture)
{
    private static Dictionary<string, AttrValue> Item(string pk, string v) => new() { ["pk"] = AttrValue.FromS(pk), ["v"] = AttrValue.FromS(v) };

    [Fact]
    public async Task A_write_returns_only_the_items_its_command_asks_for()
    {
        var table = await PartitioningTests.CreateTable(fixture, "write-outcome");
        var key = ItemValidator.ItemKeyOf(table.KeySchema, new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("a") });
        var partition = fixture.Cluster.GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(table.Partitions.PartitionOf(key.Hash)));

        var first = await partition.Put(new PutCommand(key, Item("a", "one"), null, null, false));
        Assert.Equal(1, first.Version);
        Assert.Null(first.OldItem);
        Assert.Null(first.NewItem);
        Assert.Equal(ItemSize.Of(Item("a", "one")), first.ItemBytes);

        var second = await partition.Put(new PutCommand(key, Item("a", "two"), null, null, false, ReturnedItems.Old));
        Assert.Equal("one", second.OldItem!["v"].Text);
        Assert.Null(second.NewItem);

        var actions = ExpressionParser.ParseUpdate("SET v = :v", new ExpressionContext(null, new Dictionary<string, AttrValue> { [":v"] = AttrValue.FromS("three!") }));
        var third = await partition.Update(new UpdateCommand(key, new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("a") }, actions, null, null, false, ReturnedItems.New));
        Assert.Null(third.OldItem);
        Assert.Equal("three!", third.NewItem!["v"].Text);
        Assert.Equal(ItemSize.Of(Item("a", "three!")), third.ItemBytes);

        var deleted = await partition.Delete(new DeleteCommand(key, null, null, false, ReturnedItems.Old | ReturnedItems.New));
        Assert.Equal("three!", deleted.OldItem!["v"].Text);
        Assert.Null(deleted.NewItem);
        Assert.Equal(ItemSize.Of(Item("a", "three!")), deleted.ItemBytes);
    }
}
