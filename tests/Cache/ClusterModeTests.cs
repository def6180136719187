using System.Text.RegularExpressions;
using DataTier.Cache;
using DataTier.Cache.Memory;
using DataTier.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using StackExchange.Redis;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// Three silos whose RESP endpoints run in cluster mode: CLUSTER SLOTS and NODES name every silo's endpoint with the
/// slots whose shards it hosts, and a cluster client (StackExchange.Redis) finds them all and sends commands there.
/// </summary>
public sealed class ClusterModeTests() : OwnClusterTests(3)
{
    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<ClusterModeConfigurator>();

    [Fact]
    public async Task Every_silo_announces_the_same_slots_each_owned_by_the_silo_that_hosts_its_shard_with_a_replica_elsewhere()
    {
        var silos = Cluster.Silos.ToArray();
        var ports = silos.ToDictionary(ClusterModeConfigurator.RespPort);
        await using var client = await RespTestClient.ConnectAsync(ports.Keys.First());
        // Every shard activated (on its ring owner, as placement puts it).
        Assert.Equal(":0", await client.CallAsync("DBSIZE"));
        var slots = await client.CallAsync("CLUSTER", "SLOTS");
        foreach (var port in ports.Keys.Skip(1))
        {
            await using var other = await RespTestClient.ConnectAsync(port);
            Assert.Equal(slots, await other.CallAsync("CLUSTER", "SLOTS"));
        }
        // [start, end, [host, port, id, {}], [host, port, id, {}]] per range: the owner, then one replica.
        var ranges = Regex.Matches(slots, @"\[:(\d+), :(\d+), \[""127\.0\.0\.1"", :(\d+), ""([0-9a-f]{40})"", \[\]\], \[""127\.0\.0\.1"", :(\d+), ""[0-9a-f]{40}"", \[\]\]\]");
        Assert.True(ranges.Count >= 3, slots);
        var next = 0;
        foreach (Match range in ranges)
        {
            var (start, end, owner, replica) = (int.Parse(range.Groups[1].Value), int.Parse(range.Groups[2].Value), int.Parse(range.Groups[3].Value), int.Parse(range.Groups[5].Value));
            Assert.Equal(next, start);
            next = end + 1;
            Assert.NotEqual(owner, replica);
            Assert.Contains(replica, ports.Keys);
            var hosted = ClusterModeConfigurator.Services(ports[owner]).GetRequiredService<LocalCacheShards>().Snapshot().Select(s => s.Index).ToHashSet();
            for (var slot = start; slot <= end; slot += CacheSlots.SlotsPerShard)
                Assert.Contains(CacheSlots.ShardOf(slot), hosted);
        }
        Assert.Equal(CacheSlots.SlotCount, next);

        var nodes = (await client.CallAsync("CLUSTER", "NODES")).Trim('"').Replace("\\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, nodes.Length);
        Assert.Single(nodes, n => n.Contains(" myself,master - 0 0 0 connected "));
        Assert.Equal(ports.Keys.Order(), nodes.Select(n => int.Parse(Regex.Match(n, @":(\d+)@").Groups[1].Value)).Order());
        Assert.Contains("cluster_known_nodes:3", await client.CallAsync("CLUSTER", "INFO"));
        Assert.Contains("cluster_enabled:1", await client.CallAsync("INFO", "cluster"));
    }

    [Fact]
    public async Task A_cluster_client_finds_every_silo_and_each_key_is_served_where_its_shard_lives()
    {
        var silos = Cluster.Silos.ToArray();
        using var redis = await ConnectionMultiplexer.ConnectAsync(
            $"127.0.0.1:{ClusterModeConfigurator.RespPort(silos[0])},abortConnect=true,connectTimeout=15000,syncTimeout=15000");
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        Assert.Equal(ServerType.Cluster, server.ServerType);
        Assert.Equal(3, redis.GetEndPoints().Length);
        var db = redis.GetDatabase();
        for (var i = 0; i < 200; i++) Assert.True(await db.StringSetAsync($"user:{i}", $"v{i}"));
        for (var i = 0; i < 200; i += 13) Assert.Equal($"v{i}", (string?)await db.StringGetAsync($"user:{i}"));
        var configuration = redis.GetServer(redis.GetEndPoints()[1]).ClusterConfiguration!;
        foreach (var key in new[] { "user:1", "user:77", "user:150" })
        {
            var owner = configuration.GetBySlot(key)!;
            var port = ((System.Net.IPEndPoint)owner.EndPoint!).Port;
            var silo = silos.Single(s => ClusterModeConfigurator.RespPort(s) == port);
            var shard = CacheRouter.ShardOf(System.Text.Encoding.UTF8.GetBytes(key));
            Assert.Contains(shard, ClusterModeConfigurator.Services(silo).GetRequiredService<LocalCacheShards>().Snapshot().Select(s => s.Index));
        }
    }
}
