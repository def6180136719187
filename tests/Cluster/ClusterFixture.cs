using DataTier.Client;
using DataTier.Hosting;
using DataTier.Store;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Xunit;

namespace DataTier.Tests.Cluster;

/// <summary>A 3-silo in-process Orleans cluster whose silos share one RocksDB store, for all cluster tests.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private static readonly string StorePath = Path.Combine(Path.GetTempPath(), "datatier-cluster-" + Guid.NewGuid().ToString("N"));

    internal static RocksDbTableStore SharedStore { get; } = new(new RocksDbStoreOptions { Path = StorePath });

    internal static TimeSpan LockTimeout { get; } = TimeSpan.FromSeconds(2);

    internal const long ItemCollectionLimit = 256 * 1024;

    public TestCluster Cluster { get; private set; } = null!;

    public ITableClient Tables { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        // Real sockets, so that a service host outside the test cluster can connect to its gateways.
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
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
        SharedStore.Dispose();
        Directory.Delete(StorePath, recursive: true);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddDataTierTables(o => o.InitialPartitionsPerTable = 8);
            siloBuilder.AddDataTierCache();
            siloBuilder.Services.AddSharedTableStore(SharedStore);
            // Short, so that the tests of abandoned transactions wait little.
            siloBuilder.Services.Configure<Configuration.TransactionOptions>(o => o.LockTimeout = LockTimeout);
            siloBuilder.Services.Configure<Configuration.TimeToLiveOptions>(o => o.SweepInterval = TimeSpan.FromMilliseconds(300));
            // Small, so that a test reaches the item collection limit of tables with local indexes quickly.
            siloBuilder.Services.Configure<Configuration.IndexOptions>(o => o.ItemCollectionSizeLimitBytes = ItemCollectionLimit);
            // Short, so that a test sees a global table's tombstones swept.
            siloBuilder.Services.Configure<Configuration.GlobalTablesOptions>(o =>
            {
                o.TombstoneRetention = TimeSpan.FromMilliseconds(500);
                o.TombstoneSweepInterval = TimeSpan.FromMilliseconds(200);
            });
            // Short, so that auto scaling acts within a test.
            siloBuilder.Services.Configure<Configuration.AutoScalingOptions>(o =>
            {
                o.EvaluationInterval = TimeSpan.FromMilliseconds(200);
                o.Window = TimeSpan.FromSeconds(1);
            });
        }
    }
}

[CollectionDefinition("cluster")]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>;
