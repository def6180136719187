using System.Text.RegularExpressions;
using DataTier.Silo.Resp;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>INFO commandstats, errorstats and latencystats, LATENCY HISTOGRAM and the latency monitor, against a real redis-server.</summary>
[Collection("cache-wire")]
public sealed partial class CommandStatsTests(CacheSiloFixture fixture)
{
    private static readonly string[] Lines =
    [
        "SET k v", "SET k v", "SET k v", "GET k", "GET k", "HGET k f", "GET", "GET k extra", "CLIENT SETNAME me", "CONFIG GET maxmemory",
        "NOSUCH", "INCR k", "MULTI", "SET a 1", "GET a", "EXEC", "OBJECT ENCODING k", "OBJECT NOSUCH", "EVAL \"return redis.call('get',KEYS[1])\" 1 k",
    ];

    [GeneratedRegex(@"^cmdstat_([^:]+):calls=(\d+),usec=\d+,usec_per_call=\d+\.\d\d,rejected_calls=(\d+),failed_calls=(\d+)$", RegexOptions.Multiline)]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"^latency_percentiles_usec_([^:]+):p50=\d+\.\d{3},p99=\d+\.\d{3},p99\.9=\d+\.\d{3}$", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();

    [Fact]
    public async Task Calls_rejections_failures_and_errors_are_counted_as_redis_counts_them()
    {
        var ours = await RunAsync(fixture.RespPort);
        var theirs = await RunAsync(fixture.Redis.Port);
        Assert.Equal(theirs.Commands, ours.Commands);
        Assert.Equal(theirs.Errors, ours.Errors);
        Assert.Equal(theirs.Latencies, ours.Latencies);
        Assert.Equal(theirs.Histogram, ours.Histogram);
        Assert.Contains("set 4 0 0", ours.Commands);
        Assert.Contains("get 4 2 0", ours.Commands);
        Assert.Contains("hget 1 0 1", ours.Commands);
        Assert.Contains("object|encoding 1 0 0", ours.Commands);
        Assert.Contains("errorstat_WRONGTYPE:count=1", ours.Errors);
        Assert.Contains("client|setname", ours.Latencies);
        Assert.Contains("get 4", ours.Histogram);
    }

    [Fact]
    public async Task A_command_over_the_latency_threshold_is_an_event_with_history_graph_and_doctor_report()
    {
        await using var client = await fixture.ConnectAsync();
        try
        {
            // A threshold no other command here reaches, once each has run (and been compiled) before.
            foreach (var warmUp in new[] { "LATEST", "DOCTOR", "RESET" }) await client.CallAsync("LATENCY", warmUp);
            Assert.Equal("+OK", await client.CallAsync("CONFIG", "SET", "latency-monitor-threshold", "50"));
            await client.CallAsync("LATENCY", "RESET");
            Assert.Equal("[]", await client.CallAsync("LATENCY", "LATEST"));
            Assert.Contains("no latency spike", await client.CallAsync("LATENCY", "DOCTOR"));
            Assert.Equal(":1", await client.CallAsync("EVAL", "local i=0 while i<5000000 do i=i+1 end return 1", "0"));
            var latest = await client.CallAsync("LATENCY", "LATEST");
            Assert.Matches(@"^\[\[""command"", :\d+, :\d+, :\d+\]\]$", latest);
            Assert.Matches(@"^\[\[:\d+, :\d+\]\]$", await client.CallAsync("LATENCY", "HISTORY", "command"));
            Assert.StartsWith("\"command - high ", await client.CallAsync("LATENCY", "GRAPH", "command"));
            Assert.Contains("1. command: 1 latency spikes", await client.CallAsync("LATENCY", "DOCTOR"));
            Assert.Equal(":1", await client.CallAsync("LATENCY", "RESET", "command", "command", "nosuch"));
            Assert.Equal("[]", await client.CallAsync("LATENCY", "LATEST"));
        }
        finally
        {
            await client.CallAsync("CONFIG", "SET", "latency-monitor-threshold", "0");
        }
    }

    private sealed record Stats(string Commands, string Errors, string Latencies, string Histogram);

    private static async Task<Stats> RunAsync(int port)
    {
        await using var client = await RespTestClient.ConnectAsync(port);
        try
        {
            Assert.Equal("+OK", await client.CallAsync("CONFIG", "SET", "latency-tracking-info-percentiles", "50 99 99.9"));
            Assert.Equal("+OK", await client.CallAsync("CONFIG", "RESETSTAT"));
            foreach (var line in Lines)
            {
                Assert.True(InlineSplitter.TrySplit(System.Text.Encoding.UTF8.GetBytes(line), out var parts), line);
                await client.CallAsync([.. parts]);
            }
            var commands = Unquote(await client.CallAsync("INFO", "commandstats"));
            var errors = Unquote(await client.CallAsync("INFO", "errorstats"));
            var latencies = Unquote(await client.CallAsync("INFO", "latencystats"));
            var histogram = await client.CallAsync("LATENCY", "HISTOGRAM", "set", "get", "config", "nosuch");
            return new Stats(
                string.Join("\n", CommandLine().Matches(commands).Select(m => $"{m.Groups[1]} {m.Groups[2]} {m.Groups[3]} {m.Groups[4]}").Order(StringComparer.Ordinal)),
                string.Join("\n", errors.Split('\n').Where(l => l.StartsWith("errorstat_", StringComparison.Ordinal)).Order(StringComparer.Ordinal)),
                string.Join("\n", LatencyLine().Matches(latencies).Select(m => m.Groups[1].Value).Where(n => n != "info").Order(StringComparer.Ordinal)),
                string.Join("\n", Regex.Matches(histogram, @"""([a-z|]+)"", \[""calls"", :(\d+)").Select(m => $"{m.Groups[1]} {m.Groups[2]}").Order(StringComparer.Ordinal)));
        }
        finally
        {
            await client.CallAsync("DEL", "k", "a");
        }
    }

    private static string Unquote(string reply) => reply.Trim('"').Replace("\r", "");
}
