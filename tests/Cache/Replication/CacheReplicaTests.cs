using System.Diagnostics;
using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Memory;
using DataTier.Cache.Replication;
using DataTier.Placement;
using DataTier.Silo.Resp;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using DataTier.Tests.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace DataTier.Tests.Cache.Replication;

/// <summary>
/// Three in-process silos with <c>Cache:Replicas = 1</c>: each shard's replica lives on the silo after
/// its owner on the ring, READONLY clients read from replicas and see writes, deletions and expiry
/// arrive, and when a silo is killed its shards start again elsewhere with their replicas' keys.
/// </summary>
public sealed class CacheReplicaTests(ITestOutputHelper output) : OwnClusterTests(3)
{
    protected override void Configure(TestClusterBuilder builder)
    {
        builder.AddSiloBuilderConfigurator<ReplicaSiloConfigurator>();
    }

    [Fact]
    public async Task Replicas_sit_on_the_next_silo_and_readonly_reads_see_writes_deletes_and_expiry()
    {
        var primary = Cluster.Primary!;
        await using var writer = await RespTestClient.ConnectAsync(RespPort(primary));
        for (var i = 0; i < 300; i++) Assert.Equal("+OK", await writer.CallAsync("SET", $"r:{i}", $"v{i}"));
        await writer.CallAsync("SET", "r:short", "gone-soon", "PX", "300");

        // Every active shard has its replica on the ring's next silo after its owner, never with it.
        await WaitUntilAsync(() => AllShardsReplicated(), "replicas of every active shard");
        var ring = Ring();
        foreach (var silo in Cluster.Silos)
            foreach (var (key, _) in Services(silo).GetRequiredService<LocalCacheReplicas>().Snapshot())
            {
                Assert.True(ReplicaKey.TryParse(key, out var owner, out var k));
                Assert.Equal(1, k);
                Assert.Equal(ring.OwnerOf(owner, 1), silo.SiloAddress);
                Assert.NotEqual(ring.OwnerOf(owner), silo.SiloAddress);
            }

        await using var reader = await RespTestClient.ConnectAsync(RespPort(Cluster.Silos[1]));
        Assert.Equal("+OK", await reader.CallAsync("READONLY"));
        for (var i = 0; i < 300; i++) Assert.Equal($"\"v{i}\"", await ReadUntilAsync(reader, $"r:{i}", $"\"v{i}\""));
        Assert.Equal("(nil)", await ReadUntilAsync(reader, "r:short", "(nil)"));

        // Changes reach the replicas: an overwrite, a deletion, a hash.
        await writer.CallAsync("SET", "r:1", "changed");
        await writer.CallAsync("DEL", "r:2");
        await writer.CallAsync("HSET", "r:h", "f", "x");
        Assert.Equal("\"changed\"", await ReadUntilAsync(reader, "r:1", "\"changed\""));
        Assert.Equal("(nil)", await ReadUntilAsync(reader, "r:2", "(nil)"));
        Assert.Equal("\"x\"", await ReadUntilAsync(reader, "r:h", "\"x\"", "HGET", "f"));
        Assert.True(Services(Cluster.Silos[1]).GetRequiredService<ReplicaReads>().Served > 0);

        // A READONLY client is served by the copy on its own silo: a key whose shard has its replica there is read from
        // that replica every time, as a cluster client that sent READONLY to a replica node expects.
        var replicatedHere = Services(Cluster.Silos[1]).GetRequiredService<LocalCacheReplicas>().Snapshot()
            .Select(r => ReplicaKey.TryParse(r.Key, out var owner, out _) ? owner : "").ToHashSet();
        var localKey = Enumerable.Range(0, 300).Select(i => $"r:{i}").First(key => replicatedHere.Contains(
            ConsistentHashPlacementDirector.RingKey(Cluster.Client.GetGrain<ICacheShardGrain>(CacheRouter.ShardOf(Encoding.UTF8.GetBytes(key))).GetGrainId())));
        var served = Services(Cluster.Silos[1]).GetRequiredService<ReplicaReads>().Served;
        for (var i = 0; i < 20; i++) await reader.CallAsync("GET", localKey);
        Assert.Equal(served + 20, Services(Cluster.Silos[1]).GetRequiredService<ReplicaReads>().Served);

        // Writes on a READONLY connection still go to the owner.
        Assert.Equal("+OK", await reader.CallAsync("SET", "r:ro", "w"));
        Assert.Equal("\"w\"", await writer.CallAsync("GET", "r:ro"));
        Assert.Equal("+OK", await reader.CallAsync("READWRITE"));
        Assert.Equal("\"w\"", await reader.CallAsync("GET", "r:ro"));

        var info = await writer.CallAsync("INFO", "replication");
        Assert.Contains("role:master", info);
        Assert.Contains("replicas_per_shard:1", info);
        Assert.Contains("slave0:state=", info);
    }

    [Fact]
    public async Task After_a_silo_is_killed_its_shards_come_back_with_the_keys_of_their_replicas()
    {
        var primary = Cluster.Primary!;
        var victim = Cluster.SecondarySilos[0];
        await using var client = await RespTestClient.ConnectAsync(RespPort(primary));
        const int Keys = 600;
        for (var i = 0; i < Keys; i++) Assert.Equal("+OK", await client.CallAsync("SET", $"p:{i}", $"v{i}", "EX", "1000"));
        await WaitUntilAsync(() => AllShardsReplicated() && CaughtUp(), "replicas caught up");
        var ownedByVictim = Services(victim).GetRequiredService<LocalCacheShards>().Snapshot().Select(s => s.Index).ToHashSet();
        var victimKeys = Enumerable.Range(0, Keys).Where(i => ownedByVictim.Contains(CacheRouter.ShardOf(Encoding.UTF8.GetBytes($"p:{i}")))).ToList();
        Assert.NotEmpty(victimKeys);

        // The replication delay: from a write's acknowledgement until its replica has it.
        var delays = new List<double>();
        var grains = Cluster.Client;
        foreach (var i in victimKeys.Take(100))
        {
            var key = $"p:{i}";
            await client.CallAsync("SET", key, $"w{i}", "EX", "1000");
            var clock = Stopwatch.StartNew();
            var replica = grains.GetGrain<ICacheReplicaGrain>(ReplicaKey.For(grains.GetGrain<ICacheShardGrain>(CacheRouter.ShardOf(Encoding.UTF8.GetBytes(key))).GetGrainId(), 1));
            while ((await replica.Read([new ShardCommand(CommandId.Get, [Encoding.UTF8.GetBytes("GET"), Encoding.UTF8.GetBytes(key)])]))?[0].Bytes is not { } value
                   || Encoding.UTF8.GetString(value) != $"w{i}")
                await Task.Delay(1);
            delays.Add(clock.Elapsed.TotalMilliseconds);
        }
        delays.Sort();
        output.WriteLine($"replication delay over {delays.Count} writes: p50 {delays[delays.Count / 2]:0.0} ms, p99 {delays[(int)(delays.Count * 0.99)]:0.0} ms, max {delays[^1]:0.0} ms");

        // Writers keep going on the victim's keys while it is killed: the loss window.
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var inFlight = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            await using var c = await RespTestClient.ConnectAsync(RespPort(primary));
            try
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var key = $"load:{w}:{n % 50}";
                    inFlight[key] = $"\"{n}\"";
                    var reply = await c.CallAsync("SET", key, $"{n}");
                    if (reply != "+OK") break; // the shard is unreachable until the silo is declared dead
                    acknowledged[key] = $"\"{n}\"";
                }
            }
            catch (IOException)
            {
                // timed out waiting on a shard of the killed silo: that write is not acknowledged
            }
        })).ToArray();
        await Task.Delay(300);
        var killedAt = Stopwatch.StartNew();
        await Cluster.KillSiloAsync(victim);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        // Every key written before the load is back, served by the shards' new owners.
        var reader = new RespTestClient[] { client };
        var lostBefore = 0;
        foreach (var i in Enumerable.Range(0, Keys))
        {
            var expected = victimKeys.Take(100).Contains(i) ? $"\"w{i}\"" : $"\"v{i}\"";
            var value = await GetWhenServedAsync(reader, RespPort(primary), $"p:{i}");
            if (value != expected) lostBefore++;
        }
        output.WriteLine($"shards served again {killedAt.ElapsedMilliseconds} ms after the kill; {victimKeys.Count} of {Keys} keys were on the killed silo");
        Assert.Equal(0, lostBefore);

        // Under load, keys of the surviving silos keep every acknowledged write; those of the killed
        // silo may lose the writes acknowledged but not yet replicated when it died: the loss window.
        var lost = 0;
        var onVictim = 0;
        foreach (var (key, value) in acknowledged)
        {
            var current = await GetWhenServedAsync(reader, RespPort(primary), key);
            if (!ownedByVictim.Contains(CacheRouter.ShardOf(Encoding.UTF8.GetBytes(key))))
            {
                Assert.Equal(value, current);
                continue;
            }
            onVictim++;
            // A write in flight at the kill may have landed without its acknowledgement: not a loss.
            if (current != value && !(inFlight.TryGetValue(key, out var unacknowledged) && current == unacknowledged)) lost++;
        }
        output.WriteLine($"loss window: {lost} of {onVictim} keys of the killed silo under load lost their last acknowledged write");
        if (reader[0] != client) await reader[0].DisposeAsync();
    }

    [Fact]
    public async Task A_silo_that_leaves_gracefully_hands_over_its_replicas_and_no_shard_sends_a_full_copy_again_nor_when_one_joins()
    {
        var leaving = Cluster.SecondarySilos[0];
        await using var client = await RespTestClient.ConnectAsync(RespPort(Cluster.Primary!));
        const int Keys = 600;
        for (var i = 0; i < Keys; i++) Assert.Equal("+OK", await client.CallAsync("SET", $"h:{i}", $"v{i}"));
        await WaitUntilAsync(() => AllShardsReplicated() && CaughtUp(), "replicas caught up");
        Assert.True(Services(leaving).GetRequiredService<LocalCacheReplicas>().Count > 0);
        Assert.True(Services(leaving).GetRequiredService<LocalCacheShards>().Count > 0);
        var staying = Cluster.Silos.Where(s => s != leaving).ToList();
        var fullSyncs = staying.Sum(FullSyncs);

        await Cluster.StopSiloAsync(leaving);
        await WaitUntilAsync(() => ShardsInPlace() && AllShardsReplicated() && CaughtUp(), "shards and replicas in their new places");

        // The leaving silo's replicas moved with their keys, and its shards with their replication epoch and sequence
        // number: no owner sent a full copy (before, each moved shard and each new replica cost one: 82 in this test).
        // On a loaded machine one may still be sent, for a push cut off by the move or a migration Orleans dropped.
        Assert.InRange(staying.Sum(FullSyncs) - fullSyncs, 0, MovedWithFullCopies);
        for (var i = 0; i < Keys; i += 3) Assert.Equal("+OK", await client.CallAsync("SET", $"h:{i}", $"w{i}"));
        await WaitUntilAsync(CaughtUp, "replicas caught up after the leave");
        await AssertReplicasHoldAsync(client, Keys);
        Assert.InRange(staying.Sum(FullSyncs) - fullSyncs, 0, MovedWithFullCopies);
        var afterLeave = staying.Sum(FullSyncs);

        // A silo that joins takes shards and replicas that move with their keys and replication state as well.
        await Cluster.StartAdditionalSiloAsync();
        await WaitUntilAsync(() => ShardsInPlace() && AllShardsReplicated() && CaughtUp(), "shards and replicas in place after the join");
        Assert.InRange(Cluster.Silos.Sum(FullSyncs) - afterLeave, 0, MovedWithFullCopies);
        await AssertReplicasHoldAsync(client, Keys);
    }

    [Fact]
    public async Task Replicas_match_their_owners_after_a_silo_leaves_gracefully_under_writes()
    {
        var leaving = Cluster.SecondarySilos[0];
        await using var client = await RespTestClient.ConnectAsync(RespPort(Cluster.Primary!));
        const int Keys = 300;
        for (var i = 0; i < Keys; i++) Assert.Equal("+OK", await client.CallAsync("SET", $"h:{i}", "0"));
        await WaitUntilAsync(() => AllShardsReplicated() && CaughtUp(), "replicas caught up");

        // Changes still undrained when a shard packs its keys go with it and reach the replicas from its new place.
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            await using var c = await RespTestClient.ConnectAsync(RespPort(Cluster.Primary!));
            for (var n = 0; !stop.IsCancellationRequested; n++) await c.CallAsync("INCR", $"h:{n % Keys}");
        });
        await Task.Delay(200);
        await Cluster.StopSiloAsync(leaving);
        await Task.Delay(200);
        await stop.CancelAsync();
        await writer;
        await WaitUntilAsync(() => AllShardsReplicated() && CaughtUp(), "replicas caught up after the leave");
        await AssertReplicasHoldAsync(client, Keys);
    }

    /// <summary>Every key <c>h:i</c> reads the same from its shard's replica as from its owner.</summary>
    private async Task AssertReplicasHoldAsync(RespTestClient client, int keys)
    {
        var grains = Cluster.Client;
        for (var i = 0; i < keys; i++)
        {
            var key = $"h:{i}";
            var shard = grains.GetGrain<ICacheShardGrain>(CacheRouter.ShardOf(Encoding.UTF8.GetBytes(key))).GetGrainId();
            var replica = grains.GetGrain<ICacheReplicaGrain>(ReplicaKey.For(shard, 1));
            var read = await replica.Read([new ShardCommand(CommandId.Get, [Encoding.UTF8.GetBytes("GET"), Encoding.UTF8.GetBytes(key)])]);
            Assert.NotNull(read);
            Assert.Equal(await client.CallAsync("GET", key), $"\"{Encoding.UTF8.GetString(read[0].Bytes!)}\"");
        }
    }

    /// <summary>The full copies a leave or a join may still cost when a move races a push (none on a quiet machine).</summary>
    private const long MovedWithFullCopies = 2;

    private static long FullSyncs(SiloHandle silo) => Services(silo).GetRequiredService<LocalShardReplicators>().FullSyncs;

    /// <summary>
    /// A GET once its shard is served again. Until the killed silo is declared dead a read of its shards may wait longer
    /// than the client's 10-s read timeout on a loaded machine: the client then connects again and asks again.
    /// </summary>
    private static async Task<string> GetWhenServedAsync(RespTestClient[] client, int port, string key)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string reply;
            try
            {
                reply = await client[0].CallAsync("GET", key);
            }
            catch (IOException) when (clock.Elapsed < TimeSpan.FromSeconds(90))
            {
                await client[0].DisposeAsync();
                client[0] = await RespTestClient.ConnectAsync(port);
                continue;
            }
            if (!reply.StartsWith('-') || clock.Elapsed > TimeSpan.FromSeconds(90)) return reply;
            await Task.Delay(100);
        }
    }

    private static async Task<string> ReadUntilAsync(RespTestClient client, string key, string expected, string command = "GET", string? field = null)
    {
        var clock = Stopwatch.StartNew();
        string reply;
        do
        {
            reply = field is null ? await client.CallAsync(command, key) : await client.CallAsync(command, key, field);
            if (reply == expected) return reply;
            await Task.Delay(5);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(30));
        return reply;
    }

    private bool AllShardsReplicated()
    {
        // One snapshot of where each replica is (a replica moving may briefly be on two silos, or on none).
        var held = Cluster.Silos.SelectMany(s => Services(s).GetRequiredService<LocalCacheReplicas>().Snapshot().Select(r => (r.Key, s.SiloAddress))).ToList();
        var replicas = held.Select(h => h.Key).ToHashSet();
        var ring = Ring();
        foreach (var silo in Cluster.Silos)
            foreach (var shard in Services(silo).GetRequiredService<LocalCacheShards>().Snapshot())
                if (!replicas.Contains(ReplicaKey.For(shard.GrainId, 1))) return false;
        return held.Count > 0 && held.All(h => ReplicaKey.TryParse(h.Key, out var owner, out var k) && h.SiloAddress.Equals(ring.OwnerOf(owner, k)));
    }

    private bool ShardsInPlace()
    {
        var ring = Ring();
        return Cluster.Silos.All(silo => Services(silo).GetRequiredService<LocalCacheShards>().Snapshot()
            .All(shard => ring.OwnerOf(ConsistentHashPlacementDirector.RingKey(shard.GrainId)).Equals(silo.SiloAddress)));
    }

    private bool CaughtUp() => Cluster.Silos.All(s => Services(s).GetRequiredService<LocalShardReplicators>().Snapshot()
        .All(r => r.Progress().All(p => p.Online && p.AckedSeq == r.Seq && p.LagMs == 0)));

    private ConsistentHashRing<SiloAddress> Ring() =>
        new(Cluster.Silos.Select(s => s.SiloAddress), ConsistentHashPlacementDirector.SiloIdentity);

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("Timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

    private static IServiceProvider Services(SiloHandle silo) => ((InProcessSiloHandle)silo).ServiceProvider;

    private static int RespPort(SiloHandle silo) => Services(silo).GetRequiredService<RespListener>().BoundPort;
}
