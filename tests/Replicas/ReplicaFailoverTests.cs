using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Hosting;
using DataTier.Store;
using Orleans.TestingHost;
using DataTier.Tests.Cluster;
using Xunit;
using static DataTier.Tests.Replicas.ReplicaTestTables;

namespace DataTier.Tests.Replicas;

/// <summary>Its own 3-silo cluster for each test: one stops a silo; the change log is kept only briefly.</summary>
public sealed class ReplicaFailoverTests() : OwnClusterTests(3)
{
    private static readonly string StorePath = Path.Combine(Path.GetTempPath(), "datatier-replicas-" + Guid.NewGuid().ToString("N"));
    private static RocksDbTableStore? _store;

    protected override void Configure(TestClusterBuilder builder)
    {
        _store = new RocksDbTableStore(new RocksDbStoreOptions { Path = StorePath });
        builder.AddSiloBuilderConfigurator<Configurator>();
    }

    protected override void AfterStop()
    {
        _store?.Dispose();
        Directory.Delete(StorePath, recursive: true);
    }

    [Fact]
    public async Task Stopping_a_silo_that_holds_replicas_fails_no_eventually_consistent_read()
    {
        var tables = new TableClient(Cluster.Client);
        var table = await CreateAsync(tables, "replicas-failover", 2);
        for (var i = 0; i < 100; i++) await PutAsync(tables, table.Name, i, i);
        await CatchUpAsync(Cluster.GrainFactory, table, 2);

        using var stop = new CancellationTokenSource();
        var reads = 0;
        var failures = new List<string>();
        var readers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i = (i + 4) % 100)
            {
                try
                {
                    var item = await tables.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = Key(i) });
                    if (N(item.Item) != i) lock (failures) failures.Add($"k{i}: {N(item.Item)}");
                    Interlocked.Increment(ref reads);
                }
                catch (Exception e)
                {
                    lock (failures) failures.Add($"k{i}: {e.GetType().Name}: {e.Message}");
                }
            }
        })).ToList();

        await WaitForReadsAsync(() => reads, 200);
        await Cluster.StopSiloAsync(Cluster.SecondarySilos[0]);
        var afterStop = reads;
        await WaitForReadsAsync(() => reads, afterStop + 600);
        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Empty(failures);

        // The replicas are back on the two silos left: replica 1 on the other one, replica 2 with the owner.
        var reread = await tables.DescribeTableAsync(table.Name);
        await CatchUpAsync(Cluster.GrainFactory, reread, 2);
        for (var i = 0; i < 100; i++)
            for (var r = 1; r <= 2; r++)
                Assert.Equal(i, N((await Replica(Cluster.GrainFactory, reread, PartitionOf(reread, i), r).Get(ItemKeyOf(reread, i)))?.Attributes));
    }

    [Fact]
    public async Task Without_global_indexes_the_owner_trims_the_log_its_replicas_follow()
    {
        var tables = new TableClient(Cluster.Client);
        var table = await CreateAsync(tables, "replicas-trimmed", 1);
        for (var i = 0; i < 60; i++) await PutAsync(tables, table.Name, i, 1);
        var log = global::DataTier.Indexes.IndexFeedLog.NameOf(0);
        var last = await _store!.LastChangeSequenceAsync(table.Id, log);
        Assert.True(last > 1);

        // Only the newest record outlives the retention period (it keeps the sequence numbers growing).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await _store.ReadChangesAsync(table.Id, log, 0, 1))[0].Sequence < last)
        {
            Assert.True(DateTime.UtcNow < deadline, "the log of partition 0 was not trimmed within 30 s");
            await Task.Delay(100);
        }
        for (var i = 0; i < 60; i++) await PutAsync(tables, table.Name, i, 2);
        await CatchUpAsync(Cluster.GrainFactory, table, 1);
        for (var i = 0; i < 60; i++)
            Assert.Equal(2, N((await Replica(Cluster.GrainFactory, table, PartitionOf(table, i), 1).Get(ItemKeyOf(table, i)))?.Attributes));
    }

    private static async Task WaitForReadsAsync(Func<int> reads, int target)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (reads() < target)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {reads()} of {target} reads done in 60 s");
            await Task.Delay(20);
        }
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddDataTierTables(o =>
            {
                o.InitialPartitionsPerTable = 6;
                o.ReplicaLogRetention = TimeSpan.FromMilliseconds(400);
            });
            siloBuilder.Services.AddSharedTableStore(_store!);
        }
    }
}
