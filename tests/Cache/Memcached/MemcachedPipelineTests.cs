using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using DataTier.Cache;
using DataTier.Tests.Wire;
using Xunit;

namespace DataTier.Tests.Cache.Memcached;

/// <summary>
/// A pipeline of mixed text commands over keys on several shards, sent in one write, which the endpoint queues by shard
/// and answers in one batch per shard: the replies, and the counters that stats shows between them, as memcached's.
/// </summary>
[Collection("wire")]
public partial class MemcachedPipelineTests(SiloFixture fixture)
{
    private static readonly string[] Counters =
    [
        "cmd_get", "cmd_set", "cmd_flush", "cmd_touch", "get_hits", "get_misses", "delete_misses", "delete_hits", "incr_misses", "incr_hits",
        "decr_misses", "decr_hits", "cas_misses", "cas_hits", "cas_badval", "touch_hits", "touch_misses", "store_too_large", "get_expired",
    ];

    private static readonly string[] Keys = ["a", "b", "c", "n", "q", "e", "zz", "missing"];

    [Fact]
    public async Task A_pipeline_of_mixed_commands_over_several_shards_gets_memcached_s_replies_and_counters()
    {
        var prefix = "p" + Guid.NewGuid().ToString("N")[..8] + "-";
        Assert.True(Keys.Select(k => CacheRouter.ShardOf(Encoding.UTF8.GetBytes(prefix + k))).Distinct().Count() >= 3);
        using var memcached = await MemcachedServerProcess.StartAsync();
        var theirs = Run(memcached.Port, prefix);
        var ours = Run(fixture.Silo.MemcachedPort, prefix);
        Assert.Contains("VALUE " + prefix + "a 1 5", theirs);
        Assert.Equal(theirs, ours);
    }

    private static string Pipeline(string p) => string.Concat(
        $"set {p}a 1 0 3\r\nabc\r\n", $"get {p}a {p}b {p}c\r\n", $"add {p}a 0 0 1\r\nx\r\n", $"add {p}b 2 0 2\r\nbb\r\n",
        $"replace {p}c 0 0 1\r\nc\r\n", $"append {p}a 0 0 2\r\nde\r\n", $"prepend {p}b 0 0 1\r\n_\r\n", $"get {p}a {p}b\r\n",
        $"set {p}n 0 0 2\r\n10\r\n", $"incr {p}n 5\r\n", $"decr {p}n 20\r\n", $"incr {p}missing 1\r\n", $"incr {p}a 1\r\n",
        $"incr {p}n x\r\n", $"touch {p}a 100\r\n", $"touch {p}zz 100\r\n", $"gat 100 {p}b\r\n", $"gets {p}a {p}n\r\n",
        $"cas {p}a 0 0 1 1\r\nq\r\n", $"cas {p}zz 0 0 1 1\r\nq\r\n", "stats\r\n", $"delete {p}c\r\n", $"delete {p}b\r\n",
        $"delete {p}zz noreply\r\n", $"get {p}b\r\n", $"set {p}q 0 0 1 noreply\r\nq\r\n", $"get {p}q\r\n", "bogus\r\n",
        $"set {p}e 0 -1 1\r\ne\r\n", $"get {p}e\r\n", $"set {p}a 0 0 2000000\r\n{new string('v', 2_000_000)}\r\n", $"get {p}a\r\n",
        "verbosity 1\r\n", $"get {p}n {p}missing\r\n", "stats\r\n", "flush_all\r\n", $"get {p}n {p}q\r\n", "quit\r\n", $"get {p}n\r\n");

    /// <summary>The pipeline's whole output up to the connection's close, with CAS uniques hidden and stats' counters as changes since before.</summary>
    private static string Run(int port, string prefix)
    {
        Dictionary<string, long> before;
        using (var client = new MemcachedTextClient(port)) before = Stats(client);
        using var tcp = new TcpClient();
        tcp.Connect("127.0.0.1", port);
        var stream = tcp.GetStream();
        stream.ReadTimeout = 10_000;
        stream.Write(Encoding.ASCII.GetBytes(Pipeline(prefix)));
        var output = new MemoryStream();
        stream.CopyTo(output);
        var lines = new List<string>();
        foreach (var line in Encoding.ASCII.GetString(output.ToArray()).Split("\r\n"))
        {
            if (!line.StartsWith("STAT ", StringComparison.Ordinal))
            {
                lines.Add(CasUnique().Replace(line, "$1 <cas>"));
                continue;
            }
            var words = line.Split(' ');
            if (Counters.Contains(words[1])) lines.Add($"STAT {words[1]} {long.Parse(words[2], CultureInfo.InvariantCulture) - before[words[1]]}");
        }
        return string.Join("\n", lines);
    }

    private static Dictionary<string, long> Stats(MemcachedTextClient client) =>
        client.Retrieve("stats\r\n").Select(line => line.Split(' ', 3)).Where(parts => Counters.Contains(parts[1]))
            .ToDictionary(parts => parts[1], parts => long.Parse(parts[2], CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(VALUE \S+ \d+ \d+) \d+$")]
    private static partial Regex CasUnique();
}
