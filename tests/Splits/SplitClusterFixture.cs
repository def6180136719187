using DataTier.Client;
using DataTier.Hosting;
using DataTier.Store;
using Orleans.TestingHost;
using DataTier.Tests.Cluster;
using Xunit;

namespace DataTier.Tests.Splits;

/// <summary>
/// A 2-silo in-process cluster on its own RocksDB store whose partitions split by themselves past a
/// small size (<see cref="SplitSizeBytes"/>), checked often; the request-rate thresholds stay out of reach.
/// </summary>
public sealed class SplitClusterFixture : IAsyncLifetime
{
    internal const long SplitSizeBytes = 96 * 1024;

    private static readonly string StorePath = Path.Combine(Path.GetTempPath(), "datatier-splits-" + Guid.NewGuid().ToString("N"));

    internal static RocksDbTableStore Store { get; } = new(new RocksDbStoreOptions { Path = StorePath });

    public TestCluster Cluster { get; private set; } = null!;

    public ITableClient Tables { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ChangeStreamsClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Tables = new TableClient(Cluster.Client);
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Store.Dispose();
        Directory.Delete(StorePath, recursive: true);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddDataTierTables(o =>
            {
                o.InitialPartitionsPerTable = 2;
                o.SplitSizeBytes = SplitSizeBytes;
                o.SplitReadUnitsPerSecond = 1e9;
                o.SplitWriteUnitsPerSecond = 1e9;
                o.SplitCheckInterval = TimeSpan.FromMilliseconds(200);
            });
            siloBuilder.Services.AddSharedTableStore(Store);
        }
    }
}

[CollectionDefinition("splits")]
public sealed class SplitClusterCollection : ICollectionFixture<SplitClusterFixture>;
