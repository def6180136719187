using DataTier.Catalog;
using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Tables;
using DataTier.Tests.Cluster;
using Orleans.TestingHost;
using Xunit;

namespace DataTier.Tests.LocalReads;

/// <summary>
/// Eventually consistent reads that the silo's own table client (the one its DynamoDB endpoint uses)
/// answers from the memory of a partition active on that silo, without a grain call: what they return
/// must be what the grain would have returned.
/// </summary>
public sealed class LocalReadTests() : OwnClusterTests(1)
{
    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<LocalReads.TwoPartitionSilo<PartitionGetCounter>>();

    private TableClient SiloTables() => LocalReads.SiloTables.Of(Cluster.Silos[0]);

    private static Task<TableDescription> CreateAsync(ITableClient tables, string name) => LocalReads.SiloTables.CreateAsync(tables, name);

    private static Dictionary<string, AttrValue> Item(string pk, string value) => LocalReads.SiloTables.Item(pk, value);

    /// <summary>Items k0 to k{count - 1}, with values v0 to v{count - 1}.</summary>
    private static async Task PutAsync(ITableClient tables, string table, int count)
    {
        for (var i = 0; i < count; i++) await tables.PutItemAsync(new PutItemRequest { TableName = table, Item = Item($"k{i}", $"v{i}") });
    }

    private static Dictionary<string, AttrValue> Key(string pk) => LocalReads.SiloTables.Key(pk);

    private static async Task<string?> ValueAsync(ITableClient tables, string table, string pk, bool consistent = false) =>
        (await tables.GetItemAsync(new GetItemRequest { TableName = table, Key = Key(pk), ConsistentRead = consistent })).Item?["v"].Text;

    [Fact]
    public async Task An_eventually_consistent_read_of_an_item_in_memory_makes_no_grain_call()
    {
        var tables = SiloTables();
        await CreateAsync(tables, "local-calls");
        await PutAsync(tables, "local-calls", 40);

        var before = PartitionGetCounter.Calls;
        for (var i = 0; i < 40; i++) Assert.Equal($"v{i}", await ValueAsync(tables, "local-calls", $"k{i}"));
        Assert.Equal(before, PartitionGetCounter.Calls);

        // A strongly consistent read always asks the owner, and so does a read from outside the silo.
        for (var i = 0; i < 40; i++) Assert.Equal($"v{i}", await ValueAsync(tables, "local-calls", $"k{i}", consistent: true));
        Assert.Equal(before + 40, PartitionGetCounter.Calls);
        Assert.Equal("v1", await ValueAsync(new TableClient(Cluster.Client), "local-calls", "k1"));
        Assert.Equal(before + 41, PartitionGetCounter.Calls);
    }

    [Fact]
    public async Task A_local_read_returns_the_last_acknowledged_write()
    {
        var tables = SiloTables();
        var outside = new TableClient(Cluster.Client);
        await CreateAsync(tables, "local-latest");
        for (var i = 0; i < 100; i++)
        {
            // Writes from outside the silo and from inside it alike.
            await (i % 2 == 0 ? outside : tables).PutItemAsync(new PutItemRequest { TableName = "local-latest", Item = Item("k", $"v{i}") });
            Assert.Equal($"v{i}", await ValueAsync(tables, "local-latest", "k"));
        }
        await outside.DeleteItemAsync(new DeleteItemRequest { TableName = "local-latest", Key = Key("k") });
        Assert.Null(await ValueAsync(tables, "local-latest", "k"));
        // An item never written is absent, once from the store and then from the memory of that absence.
        Assert.Null(await ValueAsync(tables, "local-latest", "never"));
        Assert.Null(await ValueAsync(tables, "local-latest", "never"));
    }

    [Fact]
    public async Task An_expired_item_is_absent_to_a_local_read()
    {
        var tables = SiloTables();
        await CreateAsync(tables, "local-ttl");
        await tables.UpdateTimeToLiveAsync("local-ttl", new TimeToLiveSpecification(true, "expires"));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var expired = Item("old", "gone");
        expired["expires"] = AttrValue.FromN((now - 60).ToString());
        var alive = Item("new", "here");
        alive["expires"] = AttrValue.FromN((now + 3600).ToString());
        await tables.PutItemAsync(new PutItemRequest { TableName = "local-ttl", Item = alive });
        // Put before the sweep can remove it: the partition holds it in memory, and the read must hide it.
        await tables.PutItemAsync(new PutItemRequest { TableName = "local-ttl", Item = expired });

        var before = PartitionGetCounter.Calls;
        Assert.Null(await ValueAsync(tables, "local-ttl", "old"));
        Assert.Equal("here", await ValueAsync(tables, "local-ttl", "new"));
        Assert.Equal(before, PartitionGetCounter.Calls);
    }

    [Fact]
    public async Task After_a_split_local_reads_are_answered_by_the_children()
    {
        var tables = SiloTables();
        var table = await CreateAsync(tables, "local-split");
        await PutAsync(tables, "local-split", 60);
        for (var i = 0; i < 60; i++) Assert.Equal($"v{i}", await ValueAsync(tables, "local-split", $"k{i}"));

        // The silo's client still holds the map from before the split: the retired parent's memory must not answer.
        var catalog = Cluster.GrainFactory.GetGrain<ITableCatalogGrain>(0);
        foreach (var id in table.Partitions.CurrentIds) Assert.True(await catalog.SplitPartition("local-split", id));
        var outside = new TableClient(Cluster.Client);
        for (var i = 0; i < 60; i += 2) await outside.PutItemAsync(new PutItemRequest { TableName = "local-split", Item = Item($"k{i}", $"w{i}") });

        for (var i = 0; i < 60; i++) Assert.Equal(i % 2 == 0 ? $"w{i}" : $"v{i}", await ValueAsync(tables, "local-split", $"k{i}"));
        var children = (await catalog.Describe("local-split"))!.Partitions;
        Assert.Equal(2 * table.Partitions.Count, children.Count);

        // Once the children hold the items, they answer without a grain call.
        var before = PartitionGetCounter.Calls;
        for (var i = 0; i < 60; i++) Assert.Equal(i % 2 == 0 ? $"w{i}" : $"v{i}", await ValueAsync(tables, "local-split", $"k{i}"));
        Assert.Equal(before, PartitionGetCounter.Calls);
    }

    [Fact]
    public async Task A_split_hands_the_items_its_parent_held_in_memory_to_the_children()
    {
        var tables = SiloTables();
        var table = await CreateAsync(tables, "local-handover");
        await PutAsync(tables, "local-handover", 80);
        var catalog = Cluster.GrainFactory.GetGrain<ITableCatalogGrain>(0);
        var parentId = table.Partitions.IdAt(0);
        var parent = Cluster.GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(parentId));
        var held = await parent.GetCachedCount();
        Assert.True(held > 0);

        Assert.True(await catalog.SplitPartition("local-handover", parentId));
        var split = (await catalog.Describe("local-handover"))!;
        var children = split.Partitions.SplitOf(parentId)!;
        var counts = await Task.WhenAll(new[] { children.Left, children.Right }
            .Select(id => Cluster.GrainFactory.GetGrain<IPartitionGrain>(split.PartitionGrainKey(id)).GetCachedCount()));
        Assert.Equal(held, counts.Sum());
        Assert.All(counts, c => Assert.True(c > 0));
        Assert.Equal(0, await parent.GetCachedCount());

        // Once the silo's client has the new map (its first read meets the retired parent), the children
        // answer every item from memory: no read reaches a grain, none the store.
        Assert.Equal("v0", await ValueAsync(tables, "local-handover", "k0"));
        var before = PartitionGetCounter.Calls;
        var outside = new TableClient(Cluster.Client);
        for (var i = 0; i < 80; i++) Assert.Equal($"v{i}", await ValueAsync(tables, "local-handover", $"k{i}"));
        Assert.Equal(before, PartitionGetCounter.Calls);
        await outside.PutItemAsync(new PutItemRequest { TableName = "local-handover", Item = Item("k1", "changed") });
        Assert.Equal("changed", await ValueAsync(tables, "local-handover", "k1"));
    }

    [Fact]
    public async Task A_table_deleted_and_created_again_does_not_show_the_old_items()
    {
        var tables = SiloTables();
        var outside = new TableClient(Cluster.Client);
        await CreateAsync(tables, "local-again");
        await tables.PutItemAsync(new PutItemRequest { TableName = "local-again", Item = Item("k", "old") });
        Assert.Equal("old", await ValueAsync(tables, "local-again", "k"));

        // Deleted and created through another client: the silo's client still knows the old table.
        await outside.DeleteTableAsync("local-again");
        await CreateAsync(outside, "local-again");
        Assert.Null(await ValueAsync(tables, "local-again", "k"));
        await outside.PutItemAsync(new PutItemRequest { TableName = "local-again", Item = Item("k", "new") });
        Assert.Equal("new", await ValueAsync(tables, "local-again", "k"));
    }
}
