using DataTier.Client.Requests;
using DataTier.Keys;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Tables;
using Xunit;

namespace DataTier.Tests.Cluster;

[Collection("cluster")]
public class PartitioningTests(ClusterFixture fixture)
{
    internal static async Task<TableDescription> CreateTable(ClusterFixture fixture, string name, AttrType? sortKey = null) =>
        await fixture.Tables.CreateTableAsync(new TableDefinition
        {
            Name = name,
            KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), sortKey is null ? null : new KeyAttribute("sk", sortKey.Value)),
            AttributeDefinitions = sortKey is null ? [new KeyAttribute("pk", AttrType.S)] : [new KeyAttribute("pk", AttrType.S), new KeyAttribute("sk", sortKey.Value)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });

    [Fact]
    public async Task Items_live_on_the_partition_their_hash_names()
    {
        var table = await CreateTable(fixture, "placement");
        for (var i = 0; i < 100; i++)
            await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "placement", Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS($"k{i}") } });

        var grains = fixture.Cluster.GrainFactory;
        var seen = new HashSet<int>();
        for (var i = 0; i < 100; i++)
        {
            var key = ItemValidator.ItemKeyOf(table.KeySchema, new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS($"k{i}") });
            Assert.Equal(KeyHash.Compute(System.Text.Encoding.UTF8.GetBytes($"k{i}")), key.Hash);
            var owner = table.Partitions.PartitionOf(key.Hash);
            seen.Add(owner);
            var item = await grains.GetGrain<IPartitionGrain>(table.PartitionGrainKey(owner)).Get(key);
            Assert.NotNull(item);
            var other = (owner + 1) % table.Partitions.Count;
            await Assert.ThrowsAsync<InvalidOperationException>(() => grains.GetGrain<IPartitionGrain>(table.PartitionGrainKey(other)).Get(key));

            // The partition's range read returns exactly the items whose hashes fall in its range.
        }
        Assert.Equal(table.Partitions.Count, seen.Count);

        var total = 0;
        for (var p = 0; p < table.Partitions.Count; p++)
        {
            var page = await grains.GetGrain<IPartitionGrain>(table.PartitionGrainKey(p))
                .ReadRange(new RangeRequest(DataTier.Store.KeyRange.All, false, 1000, 1 << 20, null));
            foreach (var item in page.Items)
            {
                var hash = KeyHash.Compute(KeyBytes.Of(item.Attributes["pk"]));
                Assert.Equal(p, table.Partitions.PartitionOf(hash));
            }
            total += page.Items.Count;
        }
        Assert.Equal(100, total);
    }
}
