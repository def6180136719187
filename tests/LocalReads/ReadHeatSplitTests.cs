using DataTier.Catalog;
using DataTier.Client.Requests;
using DataTier.Hosting;
using DataTier.Model;
using DataTier.Store;
using DataTier.Tests.Cluster;
using Orleans.TestingHost;
using Xunit;

namespace DataTier.Tests.LocalReads;

/// <summary>
/// A partition whose reads pass the read threshold splits, whether the reads reached its grain or
/// were answered from its memory by the silo's endpoint: both are read units it served.
/// </summary>
public sealed class ReadHeatSplitTests() : OwnClusterTests(1)
{
    private static readonly InMemoryTableStore Store = new();

    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<Configurator>();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_partition_read_past_the_threshold_splits(bool consistent)
    {
        var tables = SiloTables.Of(Cluster.Silos[0]);
        var name = consistent ? "heat-consistent" : "heat-local";
        await SiloTables.CreateAsync(tables, name);
        var key = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("hot") };
        await tables.PutItemAsync(new PutItemRequest { TableName = name, Item = key });

        var catalog = Cluster.GrainFactory.GetGrain<ITableCatalogGrain>(0);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await catalog.Describe(name))!.Partitions.Count == 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the hot partition did not split");
            for (var i = 0; i < 100; i++)
                Assert.NotNull((await tables.GetItemAsync(new GetItemRequest { TableName = name, Key = key, ConsistentRead = consistent })).Item);
        }
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddDataTierTables(o =>
            {
                o.InitialPartitionsPerTable = 1;
                o.SplitReadUnitsPerSecond = 100;
                o.SplitWriteUnitsPerSecond = 1e9;
                o.SplitCheckInterval = TimeSpan.FromMilliseconds(200);
            });
            siloBuilder.Services.AddSharedTableStore(Store);
        }
    }
}
