using DataTier.Cache;
using DataTier.Cache.Memory;
using DataTier.Hosting;
using DataTier.Placement;
using DataTier.Silo.Resp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using DataTier.Tests.Cluster;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// Each test has its own in-process cluster whose silos host cache shards and a RESP endpoint each
/// (on a port of their own): keys set through one silo are read through another, pub/sub crosses
/// silos, and shards move with their keys when a silo joins or leaves.
/// </summary>
public sealed class CacheClusterTests() : OwnClusterTests(3)
{
    protected override void Configure(TestClusterBuilder builder)
    {
        builder.AddSiloBuilderConfigurator<Configurator>();
    }

    private static IServiceProvider Services(SiloHandle silo) => ((InProcessSiloHandle)silo).ServiceProvider;

    private static int RespPort(SiloHandle silo) => Services(silo).GetRequiredService<RespListener>().BoundPort;

    [Fact]
    public async Task Shards_spread_over_the_silos_and_every_silo_serves_every_key()
    {
        var silos = Cluster.Silos.ToArray();
        await using var first = await RespTestClient.ConnectAsync(RespPort(silos[0]));
        for (var i = 0; i < 500; i++) Assert.Equal("+OK", await first.CallAsync("SET", $"key:{i}", $"v{i}"));
        var perSilo = silos.Select(s => Services(s).GetRequiredService<LocalCacheShards>().Snapshot().Count).ToArray();
        Assert.Equal(CacheSlots.ShardCount, perSilo.Sum());
        Assert.All(perSilo, count => Assert.InRange(count, 20, 70));

        foreach (var silo in silos)
        {
            await using var client = await RespTestClient.ConnectAsync(RespPort(silo));
            for (var i = 0; i < 500; i += 37) Assert.Equal($"\"v{i}\"", await client.CallAsync("GET", $"key:{i}"));
            Assert.Equal(":500", await client.CallAsync("DBSIZE"));
            Assert.Equal("[\"v1\", \"v2\", (nil)]", await client.CallAsync("MGET", "key:1", "key:2", "key:none"));
        }
    }

    [Fact]
    public async Task A_tracking_client_hears_of_changes_made_through_any_silo_to_keys_on_any_shard()
    {
        var silos = Cluster.Silos.ToArray();
        await using var tracker = await RespTestClient.ConnectAsync(RespPort(silos[0]));
        await using var writer = await RespTestClient.ConnectAsync(RespPort(silos[2]));
        Assert.StartsWith("{", await tracker.CallAsync("HELLO", "3"));
        Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "on"));
        // Keys whose shards are spread over the three silos.
        var keys = Enumerable.Range(0, 30).Select(i => $"tracked-{i}").ToList();
        foreach (var key in keys) Assert.Equal("(nil)", await tracker.CallAsync("GET", key));
        foreach (var key in keys) Assert.Equal("+OK", await writer.CallAsync("SET", key, "v"));
        var received = new HashSet<string>();
        while (received.Count < keys.Count)
            received.Add(await tracker.ReadAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(keys.Select(k => $">[\"invalidate\", [\"{k}\"]]").ToHashSet(), received);
        Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "off"));
    }

    [Fact]
    public async Task A_tracking_client_hears_once_of_a_flush_made_through_another_silo_of_shards_on_every_silo()
    {
        const string flushed = ">[\"invalidate\", (nil)]";
        var silos = Cluster.Silos.ToArray();
        await using var tracker = await RespTestClient.ConnectAsync(RespPort(silos[0]));
        await using var writer = await RespTestClient.ConnectAsync(RespPort(silos[2]));
        Assert.StartsWith("{", await tracker.CallAsync("HELLO", "3"));
        Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "after-flush-"));
        Assert.Equal("+OK", await writer.CallAsync("FLUSHALL"));
        // Keys on shards of the three silos, changed after the flush: each silo reports them after its shards' flush.
        var keys = Enumerable.Range(0, 30).Select(i => $"after-flush-{i}").ToList();
        foreach (var key in keys) Assert.Equal("+OK", await writer.CallAsync("SET", key, "v"));
        var heard = new List<string>();
        while (keys.Any(k => !heard.Any(h => h.Contains($"\"{k}\"", StringComparison.Ordinal))))
            heard.Add(await tracker.ReadAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(flushed, heard[0]);
        Assert.Single(heard, flushed);
    }

    [Fact]
    public async Task Keyspace_notifications_set_on_one_silo_come_from_the_shards_of_every_silo()
    {
        var silos = Cluster.Silos.ToArray();
        await using var subscriber = await RespTestClient.ConnectAsync(RespPort(silos[0]));
        await using var admin = await RespTestClient.ConnectAsync(RespPort(silos[1]));
        await using var writer = await RespTestClient.ConnectAsync(RespPort(silos[2]));
        Assert.Equal("[\"subscribe\", \"__keyevent@0__:set\", :1]", await subscriber.CallAsync("SUBSCRIBE", "__keyevent@0__:set"));
        Assert.Equal("+OK", await admin.CallAsync("CONFIG", "SET", "notify-keyspace-events", "E$"));
        try
        {
            foreach (var silo in silos)
            {
                await using var view = await RespTestClient.ConnectAsync(RespPort(silo));
                Assert.Equal("[\"notify-keyspace-events\", \"$E\"]", await view.CallAsync("CONFIG", "GET", "notify-keyspace-events"));
            }
            // Keys whose shards are spread over the three silos: each set reaches the subscriber on the first.
            var keys = Enumerable.Range(0, 30).Select(i => $"notified-{i}").ToList();
            foreach (var key in keys) Assert.Equal("+OK", await writer.CallAsync("SET", key, "v"));
            var received = new HashSet<string>();
            while (received.Count < keys.Count)
                received.Add(await subscriber.ReadAsync().WaitAsync(TimeSpan.FromSeconds(20)));
            Assert.Equal(keys.Select(k => $"[\"message\", \"__keyevent@0__:set\", \"{k}\"]").ToHashSet(), received);
        }
        finally
        {
            await admin.CallAsync("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }

    [Fact]
    public async Task A_message_published_on_one_silo_reaches_subscribers_on_the_others_and_a_shard_message_its_shard_channel_s()
    {
        var silos = Cluster.Silos.ToArray();
        await using var subscriberA = await RespTestClient.ConnectAsync(RespPort(silos[0]));
        await using var subscriberB = await RespTestClient.ConnectAsync(RespPort(silos[1]));
        await using var publisher = await RespTestClient.ConnectAsync(RespPort(silos[2]));
        Assert.Equal("[\"subscribe\", \"events\", :1]", await subscriberA.CallAsync("SUBSCRIBE", "events"));
        Assert.Equal("[\"psubscribe\", \"ev*\", :1]", await subscriberB.CallAsync("PSUBSCRIBE", "ev*"));
        Assert.Equal(":2", await publisher.CallAsync("PUBLISH", "events", "across"));
        Assert.Equal("[\"message\", \"events\", \"across\"]", await subscriberA.ReadAsync());
        Assert.Equal("[\"pmessage\", \"ev*\", \"events\", \"across\"]", await subscriberB.ReadAsync());

        await using var shardSubscriber = await RespTestClient.ConnectAsync(RespPort(silos[1]));
        Assert.Equal("[\"ssubscribe\", \"orders\", :1]", await shardSubscriber.CallAsync("SSUBSCRIBE", "orders"));
        Assert.Equal(":1", await publisher.CallAsync("SPUBLISH", "orders", "shipped"));
        Assert.Equal("[\"smessage\", \"orders\", \"shipped\"]", await shardSubscriber.ReadAsync());
        Assert.Equal(":0", await publisher.CallAsync("SPUBLISH", "events", "not a shard channel"));
    }

    [Fact]
    public async Task Clients_blocked_on_one_key_through_different_silos_are_served_in_the_order_they_blocked()
    {
        var silos = Cluster.Silos.ToArray();
        await using var producer = await RespTestClient.ConnectAsync(RespPort(silos[0]));
        var consumers = new List<RespTestClient>();
        var pops = new List<Task<string>>();
        try
        {
            // The last of the three blocks through the silo it pushes through, the others through the other two.
            foreach (var silo in new[] { silos[1], silos[2], silos[0] })
            {
                var consumer = await RespTestClient.ConnectAsync(RespPort(silo));
                consumers.Add(consumer);
                var id = (await consumer.CallAsync("CLIENT", "ID")).TrimStart(':');
                pops.Add(consumer.CallAsync("BLPOP", "line-queue", "0"));
                await using var admin = await RespTestClient.ConnectAsync(RespPort(silo));
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
                while (!(await admin.CallAsync("CLIENT", "LIST", "ID", id)).Contains("flags=b") && DateTime.UtcNow < deadline) await Task.Delay(20);
                await Task.Delay(300);
            }
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(":1", await producer.CallAsync("RPUSH", "line-queue", $"job-{i}"));
                Assert.Equal($"[\"line-queue\", \"job-{i}\"]", await pops[i].WaitAsync(TimeSpan.FromSeconds(20)));
            }
        }
        finally
        {
            foreach (var consumer in consumers) await consumer.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_client_blocked_on_one_silo_is_served_by_a_push_through_another_and_scripts_loaded_on_one_run_by_sha_on_all()
    {
        var silos = Cluster.Silos.ToArray();
        await using var consumer = await RespTestClient.ConnectAsync(RespPort(silos[0]));
        await using var producer = await RespTestClient.ConnectAsync(RespPort(silos[1]));
        var popped = consumer.CallAsync("BLPOP", "cluster-queue", "30");
        Assert.Equal(":1", await producer.CallAsync("RPUSH", "cluster-queue", "job"));
        Assert.Equal("[\"cluster-queue\", \"job\"]", await popped.WaitAsync(TimeSpan.FromSeconds(20)));

        var sha = (await producer.CallAsync("SCRIPT", "LOAD", "return 'shared'")).Trim('"');
        await using var elsewhere = await RespTestClient.ConnectAsync(RespPort(silos[2]));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        string reply;
        while ((reply = await elsewhere.CallAsync("EVALSHA", sha, "0")).StartsWith("-NOSCRIPT", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal("\"shared\"", reply);
    }

    [Fact]
    public async Task A_function_library_changed_through_one_silo_is_callable_at_once_through_every_other()
    {
        var silos = Cluster.Silos.ToArray();
        var clients = new List<RespTestClient>();
        foreach (var silo in silos) clients.Add(await RespTestClient.ConnectAsync(RespPort(silo)));
        try
        {
            const string version1 = "#!lua name=clib\nredis.register_function('cset', function(keys, args) redis.call('set', keys[1], args[1]) return 'v1' end)";
            const string version2 = "#!lua name=clib\nredis.register_function('cset', function(keys, args) redis.call('set', keys[1], args[1]) return 'v2' end)";
            Assert.Equal("\"clib\"", await clients[0].CallAsync("FUNCTION", "LOAD", version1));
            // No waiting: the load answered once every silo had the library. The keys spread over shards on every silo.
            for (var i = 0; i < 30; i++) Assert.Equal("\"v1\"", await clients[i % 3].CallAsync("FCALL", "cset", "1", $"fkey:{i}", $"x{i}"));
            Assert.Equal("\"x7\"", await clients[2].CallAsync("GET", "fkey:7"));
            Assert.Equal("\"clib\"", await clients[1].CallAsync("FUNCTION", "LOAD", "REPLACE", version2));
            for (var i = 0; i < 30; i++) Assert.Equal("\"v2\"", await clients[(i + 1) % 3].CallAsync("FCALL", "cset", "1", $"fkey:{i}", "y"));
            var dump = (await clients[2].CallAsync("FUNCTION", "DUMP"))[1..^1];
            var payload = dump.StartsWith("hex:", StringComparison.Ordinal) ? Convert.FromHexString(dump[4..]) : System.Text.Encoding.UTF8.GetBytes(dump);
            Assert.Equal("+OK", await clients[2].CallAsync("FUNCTION", "DELETE", "clib"));
            Assert.Equal("-ERR Function not found", await clients[0].CallAsync("FCALL", "cset", "1", "fkey:1", "z"));
            Assert.Equal("[]", await clients[1].CallAsync("FUNCTION", "LIST"));
            Assert.Equal("+OK", await clients[1].CallAsync([.. new[] { "FUNCTION", "RESTORE" }.Select(System.Text.Encoding.UTF8.GetBytes), payload]));
            Assert.Equal("\"v2\"", await clients[0].CallAsync("FCALL", "cset", "1", "fkey:1", "z"));
            Assert.Equal("+OK", await clients[0].CallAsync("FUNCTION", "FLUSH"));
            Assert.Equal("-ERR Function not found", await clients[2].CallAsync("FCALL", "cset", "1", "fkey:1", "z"));
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    // A silo that leaves hands its shards over only once the cluster knows it is leaving (so nobody
    // sends them back to it), and keeps a copy of each shard's keys until the shard confirms from its
    // new place that they arrived (a migration Orleans drops is repaired from that copy).
    [Fact]
    public async Task A_joining_silo_takes_about_a_quarter_of_the_shards_with_their_keys()
    {
        var port = RespPort(Cluster.Primary!);
        await using var client = await RespTestClient.ConnectAsync(port);
        for (var i = 0; i < 1000; i++) await client.CallAsync("SET", $"move:{i}", $"v{i}", "EX", "1000");
        var before = Owners();

        var added = await Cluster.StartAdditionalSiloAsync();
        await Cluster.WaitForLivenessToStabilizeAsync();
        var silos = Cluster.Silos.Select(s => s.SiloAddress).ToArray();
        var ring = new ConsistentHashRing<SiloAddress>(silos, ConsistentHashPlacementDirector.SiloIdentity);
        Dictionary<int, SiloAddress> after = [];
        for (var attempt = 0; attempt < 450; attempt++) // up to 90 s on a loaded machine; it breaks as soon as placement settles
        {
            after = Owners();
            if (after.Count == CacheSlots.ShardCount && after.All(p => ring.OwnerOf(ConsistentHashPlacementDirector.RingKey(Services(Cluster.Primary!).GetRequiredService<IGrainFactory>().GetGrain<ICacheShardGrain>(p.Key).GetGrainId())).Equals(p.Value))) break;
            await Task.Delay(200);
        }
        var moved = after.Where(p => !before[p.Key].Equals(p.Value)).ToList();
        Assert.All(moved, p => Assert.Equal(added.SiloAddress, p.Value));
        Assert.InRange(moved.Count, 16, 50);
        for (var i = 0; i < 1000; i++) Assert.Equal($"\"v{i}\"", await client.CallAsync("GET", $"move:{i}"));
        Assert.Equal(":1000", await client.CallAsync("DBSIZE"));

        // A silo that leaves gracefully hands its shards, with their keys, to the others.
        await Cluster.StopSiloAsync(added);
        for (var i = 0; i < 1000; i++) Assert.Equal($"\"v{i}\"", await client.CallAsync("GET", $"move:{i}"));
    }

    /// <summary>Which silo holds each shard, from the silos' registries of local shards.</summary>
    private Dictionary<int, SiloAddress> Owners()
    {
        var owners = new Dictionary<int, SiloAddress>();
        foreach (var silo in Cluster.Silos)
            foreach (var shard in Services(silo).GetRequiredService<LocalCacheShards>().Snapshot())
                if (!shard.Keyspace.Closed) owners[shard.Index] = silo.SiloAddress;
        return owners;
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddDataTierCache();
            siloBuilder.Services.Configure<RebalancingOptions>(o =>
            {
                o.JoinSettleTime = TimeSpan.FromMilliseconds(500);
                o.CheckInterval = TimeSpan.FromMilliseconds(500);
                o.PauseBetweenBatches = TimeSpan.FromMilliseconds(10);
            });
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Port"] = "0" }).Build();
            siloBuilder.Services.AddRespEndpoint(config);
        }
    }
}
