using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Hosting;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Placement;
using DataTier.Store;
using Orleans.TestingHost;
using DataTier.Tests.Cluster;
using Xunit;

namespace DataTier.Tests.Rebalancing;

/// <summary>One RocksDB store for the class's clusters (each test has its own cluster and table).</summary>
public sealed class RebalancingStore : IDisposable
{
    private static readonly string StorePath = Path.Combine(Path.GetTempPath(), "datatier-rebalance-" + Guid.NewGuid().ToString("N"));

    internal static RocksDbTableStore Store { get; } = new(new RocksDbStoreOptions { Path = StorePath });

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(StorePath, recursive: true);
    }
}

/// <summary>Each test has its own cluster: they add and remove silos, which would disturb the shared cluster's other tests.</summary>
public sealed class RebalancingTests() : OwnClusterTests(2), IClassFixture<RebalancingStore>
{
    protected override void Configure(TestClusterBuilder builder)
    {
        builder.AddSiloBuilderConfigurator<Configurator>();
    }

    [Fact]
    public async Task A_joining_silo_receives_about_a_third_of_the_partitions_and_no_request_fails()
    {
        var tables = new TableClient(Cluster.Client);
        var table = await tables.CreateTableAsync(new DataTier.Tables.TableDefinition
        {
            Name = "moving",
            KeySchema = new(new("pk", AttrType.S), null),
            AttributeDefinitions = [new("pk", AttrType.S)],
            BillingMode = DataTier.Tables.BillingMode.PAY_PER_REQUEST,
        });
        for (var i = 0; i < 300; i++)
            await tables.PutItemAsync(new PutItemRequest { TableName = "moving", Item = Item(i, 0) });

        // Read everything once so every partition's cache is warm, then note what each holds.
        for (var i = 0; i < 300; i++)
            await tables.GetItemAsync(new GetItemRequest { TableName = "moving", Key = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS($"k{i}") } });
        var warm = new Dictionary<int, int>();
        for (var p = 0; p < table.Partitions.Count; p++)
            warm[p] = await Cluster.GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(p)).GetCachedCount();
        Assert.Equal(300, warm.Values.Sum());

        var before = await Placements(table.Id);
        Assert.Equal(table.Partitions.Count, before.Count);

        // Writers keep going while the silo joins and partitions move.
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var writes = 0;
        var load = Task.Run(async () =>
        {
            var round = 1;
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < 300 && !stop.IsCancellationRequested; i += 7)
                {
                    try
                    {
                        await tables.PutItemAsync(new PutItemRequest { TableName = "moving", Item = Item(i, round) });
                        Interlocked.Increment(ref writes);
                    }
                    catch (Exception e) when (e is not DynamoException { Code: DynamoErrorCode.ValidationException })
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                round++;
            }
        });

        var added = await Cluster.StartAdditionalSiloAsync();
        await Cluster.WaitForLivenessToStabilizeAsync();
        var management = Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        var silos = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
        Assert.Equal(3, silos.Length);
        var ring = new ConsistentHashRing<SiloAddress>(silos, ConsistentHashPlacementDirector.SiloIdentity);

        Dictionary<GrainId, SiloAddress> after = [];
        for (var attempt = 0; attempt < 300; attempt++) // up to a minute on a loaded machine; it breaks as soon as placement settles
        {
            after = await Placements(table.Id);
            if (after.Count == table.Partitions.Count && after.All(p => ring.OwnerOf(ConsistentHashPlacementDirector.RingKey(p.Key)).Equals(p.Value))) break;
            await Task.Delay(200);
        }
        stop.Cancel();
        await load;

        Assert.All(after, p => Assert.Equal(ring.OwnerOf(ConsistentHashPlacementDirector.RingKey(p.Key)), p.Value));
        var moved = after.Where(p => !before[p.Key].Equals(p.Value)).ToList();
        Assert.All(moved, p => Assert.Equal(added.SiloAddress, p.Value));
        Assert.InRange(moved.Count, 4, 20); // about a third of 32

        // Moved partitions arrived warm: their caches came with them, not from reads after the move.
        for (var p = 0; p < table.Partitions.Count; p++)
        {
            var id = Cluster.GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(p)).GetGrainId();
            if (!moved.Any(m => m.Key.Equals(id))) continue;
            Assert.True(await Cluster.GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(p)).GetCachedCount() >= warm[p],
                $"partition {p} lost its cache when it moved");
        }
        Assert.Equal(0, failures);
        Assert.True(writes > 0);

        var scan = await tables.ScanAsync(new ScanRequest { TableName = "moving" });
        Assert.Equal(300, scan.Count);
    }

    [Fact]
    public async Task A_leaving_silo_hands_its_partitions_over_warm_and_loses_nothing()
    {
        var tables = new TableClient(Cluster.Client);
        var table = await tables.CreateTableAsync(new DataTier.Tables.TableDefinition
        {
            Name = "leaving",
            KeySchema = new(new("pk", AttrType.S), null),
            AttributeDefinitions = [new("pk", AttrType.S)],
            BillingMode = DataTier.Tables.BillingMode.PAY_PER_REQUEST,
        });
        for (var i = 0; i < 200; i++)
            await tables.PutItemAsync(new PutItemRequest { TableName = "leaving", Item = Item(i, 0) });
        var warm = new Dictionary<int, int>();
        for (var p = 0; p < table.Partitions.Count; p++)
            warm[p] = await Cluster.GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(p)).GetCachedCount();

        var leaving = Cluster.SecondarySilos[0];
        var before = await Placements(table.Id);
        var onLeaving = before.Where(p => p.Value.Equals(leaving.SiloAddress)).Select(p => p.Key).ToHashSet();
        Assert.NotEmpty(onLeaving);

        await Cluster.StopSiloAsync(leaving);

        var after = await Placements(table.Id);
        Assert.All(after, p => Assert.Equal(Cluster.Primary!.SiloAddress, p.Value));
        for (var p = 0; p < table.Partitions.Count; p++)
        {
            var grain = Cluster.GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(p));
            if (!onLeaving.Contains(grain.GetGrainId())) continue;
            Assert.True(await grain.GetCachedCount() >= warm[p], $"partition {p} lost its cache when its silo left");
        }
        var scan = await tables.ScanAsync(new ScanRequest { TableName = "leaving" });
        Assert.Equal(200, scan.Count);
    }

    private async Task<Dictionary<GrainId, SiloAddress>> Placements(Guid tableId)
    {
        var stats = await Cluster.GrainFactory.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return stats.Where(s => s.GrainId.ToString().Contains(tableId.ToString("N")))
            .GroupBy(s => s.GrainId)
            .ToDictionary(g => g.Key, g => g.First().SiloAddress);
    }

    private static Dictionary<string, AttrValue> Item(int i, int round) => new()
    {
        ["pk"] = AttrValue.FromS($"k{i}"),
        ["round"] = AttrValue.FromN(round),
    };

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddDataTierTables(o => o.InitialPartitionsPerTable = 32);
            siloBuilder.Services.AddSharedTableStore(RebalancingStore.Store);
        }
    }
}
