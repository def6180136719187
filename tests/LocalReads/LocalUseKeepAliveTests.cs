using DataTier.Client.Requests;
using DataTier.Hosting;
using DataTier.Partitions;
using DataTier.Store;
using DataTier.Tables;
using DataTier.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace DataTier.Tests.LocalReads;

/// <summary>
/// A partition that only its own silo reads and writes (local reads, direct writes: no grain calls) stays active
/// past Orleans' collection age, while one that nobody uses is collected at it. Partitions here are collected after
/// 3 s idle and look for local use every 0.5 s.
/// </summary>
public sealed class LocalUseKeepAliveTests() : OwnClusterTests(1)
{
    private static readonly TimeSpan CollectionAge = TimeSpan.FromSeconds(3);

    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<ShortLivedPartitionsSilo>();

    private sealed class ShortLivedPartitionsSilo : ISiloConfigurator
    {
        private static readonly InMemoryTableStore Store = new();

        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddDataTierTables(o =>
            {
                o.InitialPartitionsPerTable = 2;
                o.SplitEnabled = false;
                o.LocalUseCheckInterval = TimeSpan.FromMilliseconds(500);
            });
            siloBuilder.Services.AddSharedTableStore(Store);
            siloBuilder.Configure<GrainCollectionOptions>(o =>
            {
                o.CollectionQuantum = TimeSpan.FromSeconds(1);
                o.ClassSpecificCollectionAge[typeof(PartitionGrain).FullName!] = CollectionAge;
            });
        }
    }

    private LocalPartitions Local => ((InProcessSiloHandle)Cluster.Silos[0]).ServiceProvider.GetRequiredService<LocalPartitions>();

    /// <summary>The read views of the table's partitions now active on the silo (a new activation has a new view).</summary>
    private PartitionReadView?[] Views(TableDescription table) => [.. table.Partitions.CurrentIds.Select(id => Local.ViewOf(table.Id, id))];

    [Fact]
    public async Task Partitions_used_only_by_their_own_silo_outlive_the_collection_age_and_unused_ones_do_not()
    {
        var tables = SiloTables.Of(Cluster.Silos[0]);
        var used = await SiloTables.CreateAsync(tables, "local-use-busy");
        var idle = await SiloTables.CreateAsync(tables, "local-use-idle");
        foreach (var table in new[] { used, idle })
        {
            // Keys on both partitions of each table; the puts and the first reads activate them.
            for (var i = 0; i < 20; i++) await tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = SiloTables.Item($"k{i}", "v0") });
        }
        var usedViews = Views(used);
        var idleViews = Views(idle);
        Assert.All(usedViews.Concat(idleViews), Assert.NotNull);

        // Three collection ages of local traffic only: eventually consistent reads and writes from the silo itself.
        var until = DateTime.UtcNow + 3 * CollectionAge;
        for (var round = 1; DateTime.UtcNow < until; round++)
        {
            for (var i = 0; i < 20; i++)
            {
                var key = $"k{i}";
                await tables.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = used.Name,
                    Key = SiloTables.Key(key),
                    UpdateExpression = "SET v = :v",
                    ExpressionAttributeValues = new Dictionary<string, DataTier.Model.AttrValue> { [":v"] = DataTier.Model.AttrValue.FromS($"v{round}") },
                });
                var read = await tables.GetItemAsync(new GetItemRequest { TableName = used.Name, Key = SiloTables.Key(key) });
                Assert.Equal($"v{round}", read.Item?["v"].Text);
            }
            await Task.Delay(100);
        }

        // The used table's partitions are the same activations; the idle table's were collected.
        Assert.Equal(usedViews, Views(used));
        Assert.All(Views(idle), Assert.Null);
    }
}
