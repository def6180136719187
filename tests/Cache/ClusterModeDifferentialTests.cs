using System.Text.RegularExpressions;
using DataTier.Tests.Cluster;
using Orleans.TestingHost;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// One silo in cluster mode against a one-node redis-server cluster owning every slot: CLUSTER's replies must be the
/// same once node IDs, addresses and ports, which differ between the two, are masked.
/// </summary>
public sealed class ClusterModeDifferentialTests() : OwnClusterTests(1)
{
    private RedisServerProcess? _redis;
    private readonly string _nodesFile = Path.Combine(Path.GetTempPath(), $"datatier-nodes-{Guid.NewGuid():N}.conf");

    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<ClusterModeConfigurator>();

    protected override void AfterStop()
    {
        _redis?.Dispose();
        File.Delete(_nodesFile);
    }

    [Fact]
    public async Task CLUSTER_answers_as_a_one_node_redis_cluster()
    {
        _redis = await RedisServerProcess.StartAsync("--cluster-enabled", "yes", "--cluster-config-file", _nodesFile,
            "--cluster-port", DataTier.Tests.Processes.PortRange.Peers.Take(1)[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var theirs = await RespTestClient.ConnectAsync(_redis.Port);
        Assert.Equal("+OK", await theirs.CallAsync("CLUSTER", "ADDSLOTSRANGE", "0", "16383"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await theirs.CallAsync("CLUSTER", "INFO")).Contains("cluster_state:ok") && DateTime.UtcNow < deadline) await Task.Delay(50);
        await using var ours = await RespTestClient.ConnectAsync(ClusterModeConfigurator.RespPort(Cluster.Primary!));
        var ourId = (await ours.CallAsync("CLUSTER", "MYID")).Trim('"');
        var theirId = (await theirs.CallAsync("CLUSTER", "MYID")).Trim('"');
        Assert.Matches("^[0-9a-f]{40}$", ourId);
        Assert.Equal("+OK", await ours.CallAsync("SET", "foo", "1"));
        Assert.Equal("+OK", await theirs.CallAsync("SET", "foo", "1"));
        string[][] commands =
        [
            ["CLUSTER", "SLOTS"], ["CLUSTER", "SHARDS"], ["CLUSTER", "INFO"], ["CLUSTER", "NODES"], ["CLUSTER", "REPLICAS", "{id}"],
            ["CLUSTER", "REPLICAS", "nosuchnode"], ["CLUSTER", "KEYSLOT", "foo"], ["CLUSTER", "KEYSLOT", "{a}b"], ["CLUSTER", "KEYSLOT"],
            ["CLUSTER", "COUNTKEYSINSLOT", "12182"], ["CLUSTER", "GETKEYSINSLOT", "12182", "10"], ["CLUSTER", "GETKEYSINSLOT", "12182", "0"],
            ["CLUSTER", "COUNTKEYSINSLOT", "16384"], ["CLUSTER", "COUNTKEYSINSLOT", "x"], ["CLUSTER", "GETKEYSINSLOT", "1", "-1"],
            ["CLUSTER", "GETKEYSINSLOT", "1", "x"], ["CLUSTER", "GETKEYSINSLOT", "-1", "1"], ["CLUSTER", "FOO"], ["CLUSTER", "MYID", "x"],
            ["FUNCTION", "LOAD", "#!lua name=cl\nredis.register_function{function_name='nc', callback=function() return 1 end, flags={'no-cluster'}}\n" +
                "redis.register_function{function_name='ro', callback=function() return 2 end, flags={'no-writes'}}"],
            ["FCALL", "nc", "0"], ["FCALL_RO", "nc", "0"], ["FCALL", "ro", "0"], ["FCALL_RO", "ro", "0"], ["FUNCTION", "DELETE", "cl"],
            ["INFO", "cluster"], ["HELLO", "3"], ["CLUSTER", "SLOTS"], ["CLUSTER", "SHARDS"], ["CLUSTER", "INFO"], ["CLUSTER", "NODES"],
        ];
        var differences = new List<string>();
        foreach (var command in commands)
        {
            var expected = Masked(await theirs.CallAsync([.. command.Select(c => c.Replace("{id}", theirId))]), theirId, _redis.Port);
            var actual = Masked(await ours.CallAsync([.. command.Select(c => c.Replace("{id}", ourId))]), ourId, ClusterModeConfigurator.RespPort(Cluster.Primary!));
            if (command[0] == "HELLO")
            {
                expected = Regex.Replace(expected, @"""(version|id)"": [^,]*", "$1");
                actual = Regex.Replace(actual, @"""(version|id)"": [^,]*", "$1");
            }
            if (expected != actual) differences.Add($"{string.Join(' ', command)}\n    redis: {expected}\n    ours:  {actual}");
        }
        Assert.True(differences.Count == 0, $"{differences.Count} replies differ:\n" + string.Join("\n", differences));
    }

    /// <summary>The node ID, the port, the address (empty on a node that has met no other) and the bus port masked.</summary>
    private static string Masked(string reply, string id, int port) =>
        Regex.Replace(reply.Replace(id, "ID").Replace($":{port}", ":PORT"), @"(127\.0\.0\.1)?:PORT@\d+", "ADDRESS")
            .Replace("\"127.0.0.1\"", "\"\"");
}
