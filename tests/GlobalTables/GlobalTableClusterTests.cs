using DataTier.Catalog;
using DataTier.Client.Requests;
using DataTier.GlobalTables;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Store;
using DataTier.Tables;
using DataTier.Tests.Cluster;
using Xunit;

namespace DataTier.Tests.GlobalTables;

/// <summary>
/// A global table's partitions on the three-silo cluster, with a replica in a region it cannot reach (no transport in
/// the test cluster): the stamps written with local writes, last-writer-wins for writes from elsewhere, and the sweep
/// of old tombstones.
/// </summary>
[Collection("cluster")]
public class GlobalTableClusterTests(ClusterFixture fixture)
{
    private ITableCatalogGrain Catalog => fixture.Cluster.Client.GetGrain<ITableCatalogGrain>(0);

    private static Dictionary<string, AttrValue> Key(string pk) => new() { ["pk"] = AttrValue.FromS(pk) };

    private static Dictionary<string, AttrValue> Item(string pk, string value) => new() { ["pk"] = AttrValue.FromS(pk), ["v"] = AttrValue.FromS(value) };

    private async Task<TableDescription> CreateGlobalTableAsync()
    {
        var name = "global-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Tables.CreateTableAsync(new TableDefinition
        {
            Name = name,
            KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), null),
            AttributeDefinitions = [new KeyAttribute("pk", AttrType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Stream = new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES),
        });
        return await Catalog.SetRegionReplicas(name, ["elsewhere"]);
    }

    private static async Task<Dictionary<string, ReplicationStamp>> StampsAsync(TableDescription table)
    {
        var stamps = new Dictionary<string, ReplicationStamp>();
        foreach (var entry in await ClusterFixture.SharedStore.ReadIndexRangeAsync(table.Id, ReplicationLog.StampIndex, KeyRange.All, false, 1000))
            stamps[Convert.ToHexString(entry.Position)] = ReplicationStamp.From(entry.Attributes);
        return stamps;
    }

    private IPartitionGrain PartitionOf(TableDescription table, string pk) =>
        fixture.Cluster.Client.GetGrain<IPartitionGrain>(table.PartitionGrainKey(table.Partitions.IdOf(ItemValidator.ItemKeyOf(table.KeySchema, Key(pk)).Hash)));

    private async Task<string?> ValueAsync(string table, string pk) =>
        (await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = table, Key = Key(pk), ConsistentRead = true })).Item?["v"].Text;

    [Fact]
    public async Task Writes_from_another_region_apply_only_when_newer_than_the_items_last_write()
    {
        var table = await CreateGlobalTableAsync();
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Item("a", "local") });
        var local = Assert.Single((await StampsAsync(table)).Values);
        Assert.Equal("local", local.Region);
        Assert.False(local.Deleted);

        var partition = PartitionOf(table, "a");
        var item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("a"), ["v"] = AttrValue.FromS("remote") };
        Assert.Equal(0, await partition.ApplyReplicated([new ReplicatedWrite(Key("a"), item, local.Time - 1, "zzz")]));
        Assert.Equal(0, await partition.ApplyReplicated([new ReplicatedWrite(Key("a"), item, local.Time, "aaa")]));
        Assert.Equal("local", await ValueAsync(table.Name, "a"));
        // Same time, a region name after this one's: newer.
        Assert.Equal(1, await partition.ApplyReplicated([new ReplicatedWrite(Key("a"), item, local.Time, "zzz")]));
        Assert.Equal("remote", await ValueAsync(table.Name, "a"));
        // A later local write stamps after the remote one, even if this silo's clock were behind it.
        Assert.Equal(1, await partition.ApplyReplicated([new ReplicatedWrite(Key("a"), item, local.Time + 60_000, "zzz")]));
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Item("a", "local again") });
        var after = Assert.Single((await StampsAsync(table)).Values);
        Assert.Equal(("local", local.Time + 60_001), (after.Region, after.Time));
    }

    [Fact]
    public async Task Tombstones_older_than_the_retention_are_swept_and_live_stamps_stay()
    {
        var table = await CreateGlobalTableAsync();
        foreach (var pk in new[] { "kept", "deleted" })
            await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Item(pk, "x") });
        await fixture.Tables.DeleteItemAsync(new DeleteItemRequest { TableName = table.Name, Key = Key("deleted") });
        var stamps = await StampsAsync(table);
        Assert.Equal(2, stamps.Count);
        Assert.Single(stamps.Values, s => s.Deleted);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await StampsAsync(table)).Values.Any(s => s.Deleted))
        {
            Assert.True(DateTime.UtcNow < deadline, "the tombstone was not swept");
            await Task.Delay(100);
        }
        var left = Assert.Single((await StampsAsync(table)).Values);
        Assert.False(left.Deleted);
    }
}
