using System.Diagnostics;
using DataTier.Client;
using DataTier.Hosting;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Placement;
using DataTier.Placement.Ownership;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using DataTier.Tests.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace DataTier.Tests.Rebalancing;

/// <summary>
/// Grows a TestingHost cluster 2 -> 3 -> 4 -> 5 silos under a steady SDK load, then stops one silo
/// gracefully and kills another: partitions stay fairly spread, few move, no request fails during the
/// joins, and no acknowledged write is lost.
/// </summary>
public sealed class ClusterGrowthTests(ITestOutputHelper output) : OwnClusterTests(2), IClassFixture<GrowthStore>
{
    private const int PartitionsPerTable = 512;
    private static readonly string[] TableNames = ["growth-a", "growth-b"];
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(60);
    protected override void Configure(TestClusterBuilder builder)
    {
        builder.AddSiloBuilderConfigurator<Configurator>();
    }

    [Fact]
    public async Task Growing_to_five_silos_under_load_keeps_shares_fair_moves_few_and_loses_no_write()
    {
        var clock = Stopwatch.StartNew();
        var tables = new TableClient(Cluster.Client);
        var ringKeys = new Dictionary<(Guid, int), string>();
        foreach (var name in TableNames)
        {
            var table = await tables.CreateTableAsync(new DataTier.Tables.TableDefinition
            {
                Name = name,
                KeySchema = new(new("pk", AttrType.S), null),
                AttributeDefinitions = [new("pk", AttrType.S)],
                BillingMode = DataTier.Tables.BillingMode.PAY_PER_REQUEST,
            });
            Assert.Equal(PartitionsPerTable, table.Partitions.Count);
            // Activate every partition, so each one has an owner to count.
            var partitions = Enumerable.Range(0, PartitionsPerTable).Select(p => Cluster.GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(p))).ToList();
            await Task.WhenAll(partitions.Select(p => p.GetCachedCount()));
            for (var p = 0; p < PartitionsPerTable; p++) ringKeys[(table.Id, p)] = ConsistentHashPlacementDirector.RingKey(partitions[p].GetGrainId());
        }
        var total = ringKeys.Count;

        var before = await SettledAsync(2, ringKeys);
        output.WriteLine($"{total} partitions on 2 silos after {clock.ElapsedMilliseconds} ms");
        var load = new SteadyLoad(tables, TableNames, writers: 4, readers: 2, keysPerWriter: 64);
        try
        {
            await load.Progress(100).WaitAsync(SettleLimit);
            for (var silos = 3; silos <= 5; silos++)
            {
                var joinedAt = clock.Elapsed;
                var added = await Cluster.StartAdditionalSiloAsync();
                var after = await SettledAsync(silos, ringKeys);
                output.WriteLine($"silo {silos} joined and placement settled in {(clock.Elapsed - joinedAt).TotalMilliseconds:0} ms; load so far {load.Succeeded} requests");

                var perSilo = Owners(after).GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Count());
                var fair = (double)total / silos;
                output.WriteLine($"  shares: {string.Join(", ", perSilo.Values.Order())} (fair {fair:0.0})");
                Assert.Equal(silos, perSilo.Count);
                Assert.All(perSilo.Values, count => Assert.InRange(count, fair * 0.75, fair * 1.25));

                var old = Owners(before);
                var moved = Owners(after).Where(p => old[p.Key] != p.Value).ToList();
                output.WriteLine($"  moved {moved.Count} of {total} (at most {1.5 * total / silos:0})");
                Assert.InRange(moved.Count, 1, 1.5 * total / silos);
                Assert.All(moved, p => Assert.Equal(added.SiloAddress.ToString(), p.Value));

                // The moves are on record, with where they went and how long they took.
                Assert.True(after.Moves.Completed >= moved.Count / 2, $"only {after.Moves.Completed} moves recorded for {moved.Count} moved partitions");
                Assert.Contains(after.Moves.Recent, m => m.To == added.SiloAddress.ToString() && m.DurationMs >= 0 && m.From != m.To);

                await load.Progress(50).WaitAsync(SettleLimit);
                Assert.True(load.Failed == 0, $"{load.Failed} requests failed while silo {silos} joined: {load.LastError}");
                Assert.Equal(0, load.Lost);
                before = after;
            }

            // One silo leaves gracefully (handing its partitions over), then another is stopped abruptly.
            var leaving = Cluster.SecondarySilos[0];
            await Cluster.StopSiloAsync(leaving);
            await load.Progress(50).WaitAsync(SettleLimit);
            output.WriteLine($"graceful stop: {load.Failed} requests failed; at {clock.ElapsedMilliseconds} ms");
            Assert.True(load.Failed == 0, $"{load.Failed} requests failed while a silo left gracefully: {load.LastError}");
            var victim = Cluster.SecondarySilos[^1];
            var killedAt = clock.Elapsed;
            await Cluster.KillSiloAsync(victim);
            await load.Progress(200).WaitAsync(SettleLimit);
            output.WriteLine($"killed a silo: the load was served again {(clock.Elapsed - killedAt).TotalMilliseconds:0} ms later ({load.Failed} requests failed meanwhile)");
        }
        finally
        {
            await load.StopAsync();
        }
        Assert.Equal(0, load.Lost);
        var lost = await load.VerifyAsync(SettleLimit);
        Assert.True(lost.Count == 0, $"acknowledged writes lost: {string.Join("; ", lost.Take(10))}");
        Assert.True(load.KeysWritten > 0);
        output.WriteLine($"{load.KeysWritten} keys verified; {load.Succeeded} requests in {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>Waits until every partition is active exactly once, on its ring owner among <paramref name="silos"/> active silos, with no move pending.</summary>
    private async Task<ClusterOwnership> SettledAsync(int silos, Dictionary<(Guid, int), string> ringKeys)
    {
        var management = Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        var deadline = Stopwatch.StartNew();
        var why = "";
        while (deadline.Elapsed < SettleLimit)
        {
            var hosts = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
            if (hosts.Length != silos)
            {
                why = $"{hosts.Length} active silos";
                await Task.Delay(200);
                continue;
            }
            var ownership = await ClusterOwnership.CollectAsync(Cluster.GrainFactory, hosts);
            var ring = new ConsistentHashRing<SiloAddress>(hosts, ConsistentHashPlacementDirector.SiloIdentity);
            var placed = ownership.Partitions.GroupBy(p => (p.TableId, p.Partition)).ToList();
            var misplaced = placed.Count(g => g.Count() != 1 || g.Single().Silo != ring.OwnerOf(ringKeys[g.Key]).ToString());
            if (ownership.Silos.All(s => s.Reachable) && placed.Count == ringKeys.Count && misplaced == 0 && ownership.Moves.InProgress.Count == 0)
                return ownership;
            why = $"{placed.Count} partitions active, {misplaced} misplaced, {ownership.Moves.InProgress.Count} moves in progress, unreachable: {string.Join(", ", ownership.Silos.Where(s => !s.Reachable).Select(s => s.Error))}";
            await Task.Delay(200);
        }
        throw new TimeoutException($"placement did not settle on {silos} silos: {why}");
    }

    private static Dictionary<(Guid, int), string> Owners(ClusterOwnership ownership) =>
        ownership.Partitions.ToDictionary(p => (p.TableId, p.Partition), p => p.Silo);

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddDataTierTables(o => o.InitialPartitionsPerTable = PartitionsPerTable);
            siloBuilder.Services.AddSharedTableStore(GrowthStore.Store);
            siloBuilder.Services.Configure<RebalancingOptions>(o =>
            {
                o.JoinSettleTime = TimeSpan.FromMilliseconds(500);
                o.CheckInterval = TimeSpan.FromMilliseconds(500);
                o.MovesPerBatch = 64;
                o.PauseBetweenBatches = TimeSpan.FromMilliseconds(20);
                o.HandOffTimeout = TimeSpan.FromSeconds(10);
            });
            // Find the abruptly stopped silo quickly.
            siloBuilder.Services.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
        }
    }
}
