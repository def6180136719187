using System.Diagnostics;
using System.Text;
using DataTier.Cache;
using DataTier.Placement;
using DataTier.Silo.Resp;
using DataTier.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Xunit;

namespace DataTier.Tests.Cache.Replication;

/// <summary>
/// WAIT on three in-process silos with <c>Cache:Replicas = 2</c>: each shard has a replica on each other silo. WAIT
/// answers 2 once both have acknowledged the client's writes, and when the replicas of one silo stop answering it
/// times out with 1, while a client whose writes they had acknowledged before still gets 2.
/// </summary>
public sealed class CacheWaitTests() : OwnClusterTests(3)
{
    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<TwoReplicas>();

    [Fact]
    public async Task WAIT_after_writes_answers_the_replicas_that_acknowledged_them()
    {
        await using var client = await RespTestClient.ConnectAsync(RespPort(Cluster.Primary!));
        // Nothing written yet: the replicas each shard has, at once.
        Assert.Equal(":2", await client.CallAsync("WAIT", "2", "0"));
        Assert.Equal(":2", await client.CallAsync("WAIT", "0", "0"));
        var clock = Stopwatch.StartNew();
        Assert.Equal(":2", await client.CallAsync("WAIT", "3", "200"));
        Assert.True(clock.ElapsedMilliseconds >= 190, $"WAIT 3 200 answered after {clock.ElapsedMilliseconds} ms");

        // Writes on many shards, some on this silo and some through grain calls: WAIT blocks until both replicas of each have them.
        for (var i = 0; i < 40; i++) Assert.Equal("+OK", await client.CallAsync("SET", $"w:{i}", $"v{i}"));
        Assert.Equal("+OK", await client.CallAsync("MSET", "w:a", "1", "w:b", "2", "w:c", "3"));
        Assert.Equal(":2", await client.CallAsync("WAIT", "2", "20000"));
        // Already acknowledged: at once, with the count rather than the number asked for.
        clock.Restart();
        Assert.Equal(":2", await client.CallAsync("WAIT", "1", "20000"));
        Assert.Equal(":2", await client.CallAsync("WAIT", "5", "100"));
        Assert.True(clock.ElapsedMilliseconds < 5000, $"took {clock.ElapsedMilliseconds} ms");

        // Inside MULTI it answers at once; a transaction and a script are writes WAIT waits for too.
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("INCR", "w:counter"));
        Assert.Equal("+QUEUED", await client.CallAsync("WAIT", "2", "0"));
        Assert.Equal("[:1, :2]", await client.CallAsync("EXEC"));
        Assert.Equal(":2", await client.CallAsync("EVAL", "return redis.call('incr', KEYS[1])", "1", "w:counter"));
        Assert.Equal(":2", await client.CallAsync("WAIT", "2", "20000"));
        Assert.StartsWith("-ERR This Redis command is not allowed from script", await client.CallAsync("EVAL", "return redis.call('wait', 1, 0)", "0"));
    }

    [Fact]
    public async Task WAIT_times_out_with_fewer_when_a_replica_cannot_acknowledge()
    {
        var paused = Cluster.Silos[2];
        var entry = Cluster.Silos.First(s => !s.Equals(paused));
        var key = KeyOwnedBy(entry.SiloAddress);
        var other = KeyOwnedBy(Cluster.Silos.First(s => !s.Equals(paused) && !s.Equals(entry)).SiloAddress);
        await using var writer = await RespTestClient.ConnectAsync(RespPort(entry));
        await using var earlier = await RespTestClient.ConnectAsync(RespPort(entry));
        await using var admin = await RespTestClient.ConnectAsync(RespPort(entry));
        Assert.Equal("+OK", await earlier.CallAsync("SET", key, "before"));
        Assert.Equal(":2", await earlier.CallAsync("WAIT", "2", "20000"));
        Assert.Equal("+OK", await writer.CallAsync("SET", other, "warm"));
        Assert.Equal(":2", await writer.CallAsync("WAIT", "2", "20000"));

        PausedReplicas.Pause(paused.SiloAddress);
        try
        {
            // Another client's writes were acknowledged before the pause: the writes since are not its to wait for.
            Assert.Equal("+OK", await writer.CallAsync("SET", key, "after"));
            Assert.Equal("+OK", await writer.CallAsync("SET", other, "after"));
            Assert.Equal(":2", await earlier.CallAsync("WAIT", "2", "1000"));

            // A push that was already waiting on the paused replica holds the next batch until it times out: WAIT 1 waits that out.
            Assert.Equal(":1", await writer.CallAsync("WAIT", "1", "30000"));
            var clock = Stopwatch.StartNew();
            Assert.Equal(":1", await writer.CallAsync("WAIT", "2", "500"));
            Assert.True(clock.ElapsedMilliseconds >= 490, $"WAIT 2 500 answered after {clock.ElapsedMilliseconds} ms");

            // Blocked for ever, it shows as blocked in CLIENT LIST, and CLIENT UNBLOCK ends it with the count so far.
            var id = (await writer.CallAsync("CLIENT", "ID")).TrimStart(':');
            var blocked = writer.CallAsync("WAIT", "2", "0");
            await EventuallyAsync(async () => (await admin.CallAsync("CLIENT", "LIST", "ID", id)).Contains("flags=b"), "the WAIT shows as blocked");
            Assert.Contains("cmd=wait", await admin.CallAsync("CLIENT", "LIST", "ID", id));
            Assert.False(blocked.IsCompleted);
            Assert.Equal(":1", await admin.CallAsync("CLIENT", "UNBLOCK", id));
            Assert.Equal(":1", await blocked.WaitAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            PausedReplicas.Resume();
        }

        // Once it answers again, the replica catches up (with a full copy) and the writes are acknowledged by both.
        Assert.Equal(":2", await writer.CallAsync("WAIT", "2", "60000"));
    }

    /// <summary>A key whose shard the ring gives to <paramref name="silo"/>.</summary>
    private string KeyOwnedBy(SiloAddress silo)
    {
        var ring = new ConsistentHashRing<SiloAddress>(Cluster.Silos.Select(s => s.SiloAddress), ConsistentHashPlacementDirector.SiloIdentity);
        var grains = Cluster.Client;
        for (var i = 0; ; i++)
        {
            var key = $"owned:{i}";
            var shard = grains.GetGrain<ICacheShardGrain>(CacheRouter.ShardOf(Encoding.UTF8.GetBytes(key)));
            if (ring.OwnerOf(ConsistentHashPlacementDirector.RingKey(shard.GetGrainId())).Equals(silo)) return key;
        }
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("Timed out waiting until " + what);
            await Task.Delay(20);
        }
    }

    private static int RespPort(SiloHandle silo) => ((InProcessSiloHandle)silo).ServiceProvider.GetRequiredService<RespListener>().BoundPort;

    private sealed class TwoReplicas : ReplicaSiloConfigurator
    {
        protected override int Replicas => 2;

        public override void Configure(ISiloBuilder siloBuilder)
        {
            base.Configure(siloBuilder);
            siloBuilder.AddIncomingGrainCallFilter<PausedReplicas>();
        }
    }
}
