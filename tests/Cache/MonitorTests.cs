using System.Text.RegularExpressions;
using DataTier.Silo.Resp;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>MONITOR against a real redis-server: the lines a monitor gets for the same commands, times and client addresses masked.</summary>
[Collection("cache-wire")]
public sealed partial class MonitorTests(CacheSiloFixture fixture)
{
    private static readonly string[] Lines =
    [
        "SET k \"v w\"", "GET k", "AUTH x", "AUTH u p", "HELLO 3 AUTH a b", "HELLO 2", "SET bin \"\\x00\\x01\\\"\\\\\\n\\t\\xff\"", "MULTI", "SET a 1",
        "INCR a", "EXEC", "CONFIG GET maxmemory", "CLIENT LIST", "CLIENT ID", "ACL WHOAMI", "PING", "FOO", "GET", "DEL a k bin",
        "HSET h f v", "LPUSH l x", "ECHO __end__",
    ];

    [GeneratedRegex(@"^\+\d+\.\d{6} \[0 [^\]]+\]")]
    private static partial Regex TimeAndClient();

    [Fact]
    public async Task A_monitor_sees_the_commands_redis_shows_with_the_same_quoting_and_redactions()
    {
        var ours = await RunAsync(fixture.RespPort);
        var theirs = await RunAsync(fixture.Redis.Port);
        Assert.Equal(string.Join("\n", theirs), string.Join("\n", ours));
    }

    [Fact]
    public async Task A_monitor_may_not_touch_keys_and_is_listed_with_flag_O()
    {
        await using var monitor = await fixture.ConnectAsync();
        await using var other = await fixture.ConnectAsync();
        Assert.Equal("+OK", await monitor.CallAsync("MONITOR"));
        Assert.Equal("+PONG", await monitor.CallAsync("PING"));
        Assert.Matches(TimeAndClient(), await monitor.ReadAsync());
        Assert.Equal("-ERR Replica can't interact with the keyspace", await monitor.CallAsync("GET", "k"));
        var id = (await monitor.CallAsync("CLIENT", "ID")).TrimStart(':');
        Assert.Matches(TimeAndClient(), await monitor.ReadAsync());
        Assert.Contains(" flags=O ", await other.CallAsync("CLIENT", "LIST", "ID", id));
        Assert.Equal("+RESET", await monitor.CallAsync("RESET"));
        Assert.Equal("(nil)", await monitor.CallAsync("GET", "monitor:k"));
    }

    private static async Task<List<string>> RunAsync(int port)
    {
        await using var monitor = await RespTestClient.ConnectAsync(port);
        await using var commands = await RespTestClient.ConnectAsync(port);
        Assert.Equal("+OK", await monitor.CallAsync("MONITOR"));
        foreach (var line in Lines)
        {
            Assert.True(InlineSplitter.TrySplit(System.Text.Encoding.UTF8.GetBytes(line), out var parts), line);
            await commands.CallAsync([.. parts]);
        }
        var seen = new List<string>();
        while (true)
        {
            var reply = await monitor.ReadAsync().WaitAsync(TimeSpan.FromSeconds(10));
            seen.Add(TimeAndClient().Replace(reply, "+T [0 C]"));
            if (reply.EndsWith("\"__end__\"", StringComparison.Ordinal)) return seen;
        }
    }
}
