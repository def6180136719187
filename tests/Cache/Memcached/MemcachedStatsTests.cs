using System.Globalization;
using DataTier.Tests.Wire;
using Xunit;

namespace DataTier.Tests.Cache.Memcached;

/// <summary>The memcached endpoint's <c>stats</c> and <c>stats settings</c>, against a real memcached given the same commands.</summary>
[Collection("wire")]
public class MemcachedStatsTests(SiloFixture fixture)
{
    /// <summary>
    /// The counters a command moves, which must move as memcached's do (gat is a touch, a refused value no set, ...).
    /// Not total_items here: memcached also counts an incr that could not rewrite its item in place, which depends on
    /// whether a background thread held the item at that moment (the test of total_items has a quiet server).
    /// </summary>
    private static readonly string[] Counters =
    [
        "cmd_get", "cmd_set", "cmd_flush", "cmd_touch", "get_hits", "get_misses", "delete_misses", "delete_hits", "incr_misses", "incr_hits",
        "decr_misses", "decr_hits", "cas_misses", "cas_hits", "cas_badval", "touch_hits", "touch_misses", "store_too_large",
        "get_expired", "get_flushed",
    ];

    /// <summary>Each command that looks an item up, as the next command after the item expired or a flush_all.</summary>
    private static readonly string[] Lookups =
    [
        "get {0}\r\n", "gets {0}\r\n", "gat 100 {0}\r\n", "touch {0} 100\r\n", "incr {0} 1\r\n", "decr {0} 1\r\n", "delete {0}\r\n",
        "set {0} 0 0 1\r\nx\r\n", "add {0} 0 0 1\r\nx\r\n", "replace {0} 0 0 1\r\nx\r\n", "append {0} 0 0 1\r\nx\r\n",
        "prepend {0} 0 0 1\r\nx\r\n", "cas {0} 0 0 1 1\r\nx\r\n",
    ];

    [Fact]
    public async Task Text_commands_move_the_counters_as_memcached_s()
    {
        using var memcached = await MemcachedServerProcess.StartAsync();
        Assert.Equal(Deltas(memcached.Port, RunText), Deltas(fixture.Silo.MemcachedPort, RunText));
    }

    [Fact]
    public async Task Binary_requests_move_the_counters_as_memcached_s()
    {
        using var memcached = await MemcachedServerProcess.StartAsync();
        List<string>? theirReplies = null, ourReplies = null;
        var theirs = Deltas(memcached.Port, port => theirReplies = MemcachedBinaryTests.Run(port));
        var ours = Deltas(fixture.Silo.MemcachedPort, port => ourReplies = MemcachedBinaryTests.Run(port));
        // The replies first: a step that timed out or was answered differently shows there, not as a counter off by one.
        Assert.Equal(theirReplies, ourReplies);
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public async Task Get_expired_and_get_flushed_count_every_command_that_finds_such_an_item_as_memcached_does()
    {
        using var memcached = await MemcachedServerProcess.StartAsync();
        Assert.Equal(Deltas(memcached.Port, RunExpiredAndFlushed), Deltas(fixture.Silo.MemcachedPort, RunExpiredAndFlushed));
    }

    [Fact]
    public async Task Total_items_counts_every_item_a_storage_command_made_as_memcached_does()
    {
        using var memcached = await MemcachedServerProcess.StartAsync();
        Assert.Equal(TotalItems(memcached.Port), TotalItems(fixture.Silo.MemcachedPort));
    }

    [Fact]
    public async Task Every_statistic_and_setting_has_memcached_s_name_and_the_settings_shared_have_its_values()
    {
        using var memcached = await MemcachedServerProcess.StartAsync();
        using var theirs = new MemcachedTextClient(memcached.Port);
        using var ours = new MemcachedTextClient(fixture.Silo.MemcachedPort);
        var stats = Stats(ours, "stats");
        Assert.Empty(stats.Keys.Except(Stats(theirs, "stats").Keys));
        Assert.True(long.Parse(stats["bytes_read"], CultureInfo.InvariantCulture) > 0);
        Assert.True(long.Parse(stats["bytes_written"], CultureInfo.InvariantCulture) > 0);
        Assert.True(long.Parse(stats["limit_maxbytes"], CultureInfo.InvariantCulture) > 0);
        var settings = Stats(ours, "stats settings");
        var theirSettings = Stats(theirs, "stats settings");
        Assert.Empty(settings.Keys.Except(theirSettings.Keys));
        foreach (var name in new[] { "udpport", "cas_enabled", "binding_protocol", "auth_enabled_sasl", "auth_enabled_ascii", "item_size_max", "flush_enabled" })
            Assert.Equal((name, theirSettings[name]), (name, settings[name]));
        Assert.Equal(fixture.Silo.MemcachedPort.ToString(CultureInfo.InvariantCulture), settings["tcpport"]);
        // The silo's default maxmemory policy is Redis' noeviction; memcached evicts by default.
        Assert.Equal("off", settings["evictions"]);
        Assert.Equal(theirs.Call("stats nosuchgroup\r\n"), ours.Call("stats nosuchgroup\r\n"));
    }

    private static string Deltas(int port, Action<int> script)
    {
        using var client = new MemcachedTextClient(port);
        var before = Stats(client, "stats");
        script(port);
        var after = Stats(client, "stats");
        return string.Join(" ", Counters.Select(name => $"{name}={long.Parse(after[name], CultureInfo.InvariantCulture) - long.Parse(before[name], CultureInfo.InvariantCulture)}"));
    }

    private static long TotalItems(int port)
    {
        var k = "i" + Guid.NewGuid().ToString("N")[..8] + "-";
        using var c = new MemcachedTextClient(port);
        var before = long.Parse(Stats(c, "stats")["total_items"], CultureInfo.InvariantCulture);
        foreach (var command in new[] { "set a", "add a", "add b", "replace b", "replace zz", "append a", "prepend b", "append zz", "cas a", "cas zz" })
        {
            var words = command.Split(' ');
            c.Call($"{words[0]} {k}{words[1]} 0 0 1{(words[0] == "cas" ? " 1" : "")}\r\nx\r\n");
        }
        var cas = c.Retrieve($"gets {k}a\r\n")[0].Split(' ')[4];
        Assert.Equal("STORED", c.Call($"cas {k}a 0 0 1 {cas}\r\ny\r\n"));
        // An incr that makes its number longer needs a new item, which memcached counts; a shorter one is written in place.
        Assert.Equal("STORED", c.Call($"set {k}n 0 0 2\r\n99\r\n"));
        foreach (var (command, reply) in new[] { ("incr {0} 1", "100"), ("incr {0} 1", "101"), ("decr {0} 10", "91"), ("incr {0} 909", "1000") })
            Assert.Equal(reply, c.Call(string.Format(CultureInfo.InvariantCulture, command, k + "n") + "\r\n"));
        return long.Parse(Stats(c, "stats")["total_items"], CultureInfo.InvariantCulture) - before;
    }

    /// <summary>
    /// Each lookup after a store of an item that is already expired (a negative exptime), and after a flush_all, each
    /// sent with its store in one write, so that no background reclaim runs between them on either server.
    /// </summary>
    private static void RunExpiredAndFlushed(int port)
    {
        var k = "x" + Guid.NewGuid().ToString("N")[..8] + "-";
        using var c = new MemcachedTextClient(port);
        for (var i = 0; i < Lookups.Length; i++)
        {
            var key = $"{k}e{i}";
            c.Send($"set {key} 0 -1 1\r\n1\r\n" + string.Format(CultureInfo.InvariantCulture, Lookups[i], key));
            Assert.Equal("STORED", c.Line());
            c.Line();
            key = $"{k}f{i}";
            c.Send($"set {key} 0 0 1\r\n1\r\nflush_all\r\n" + string.Format(CultureInfo.InvariantCulture, Lookups[i], key));
            Assert.Equal("STORED", c.Line());
            Assert.Equal("OK", c.Line());
            c.Line();
        }
        // Found expired or flushed once: the item is gone then, and the next get a plain miss.
        c.Retrieve($"get {k}e0 {k}f0\r\n");
    }

    private static Dictionary<string, string> Stats(MemcachedTextClient client, string command) =>
        client.Retrieve(command + "\r\n").Select(line => line.Split(' ', 3)).ToDictionary(parts => parts[1], parts => parts[2]);

    /// <summary>Each command of every kind, hitting and missing, with a reply read whole before the next.</summary>
    private static void RunText(int port)
    {
        var k = "t" + Guid.NewGuid().ToString("N")[..8] + "-";
        using var c = new MemcachedTextClient(port);
        Assert.Equal("STORED", c.Call($"set {k}a 0 0 1\r\n1\r\n"));
        c.Retrieve($"get {k}a\r\n");
        c.Retrieve($"get {k}zz\r\n");
        c.Retrieve($"get {k}a {k}zz {k}a\r\n");
        c.Retrieve($"gets {k}a\r\n");
        c.Retrieve($"gat 100 {k}a\r\n");
        c.Retrieve($"gats 100 {k}zz {k}a\r\n");
        Assert.Equal("TOUCHED", c.Call($"touch {k}a 100\r\n"));
        Assert.Equal("NOT_FOUND", c.Call($"touch {k}zz 100\r\n"));
        Assert.Equal("6", c.Call($"incr {k}a 5\r\n"));
        Assert.Equal("NOT_FOUND", c.Call($"incr {k}zz 5\r\n"));
        Assert.Equal("5", c.Call($"decr {k}a 1\r\n"));
        Assert.Equal("NOT_FOUND", c.Call($"decr {k}zz 1\r\n"));
        Assert.Equal("EXISTS", c.Call($"cas {k}a 0 0 1 999999999\r\nx\r\n"));
        Assert.Equal("NOT_FOUND", c.Call($"cas {k}zz 0 0 1 999\r\nx\r\n"));
        var cas = c.Retrieve($"gets {k}a\r\n")[0].Split(' ')[4];
        Assert.Equal("STORED", c.Call($"cas {k}a 0 0 1 {cas}\r\n7\r\n"));
        Assert.Equal("NOT_STORED", c.Call($"add {k}a 0 0 1\r\nx\r\n"));
        Assert.Equal("STORED", c.Call($"add {k}b 0 0 1\r\nx\r\n"));
        Assert.Equal("NOT_STORED", c.Call($"replace {k}zz 0 0 1\r\nx\r\n"));
        Assert.Equal("STORED", c.Call($"replace {k}b 0 0 1\r\ny\r\n"));
        Assert.Equal("STORED", c.Call($"append {k}a 0 0 1\r\nx\r\n"));
        Assert.Equal("STORED", c.Call($"prepend {k}a 0 0 1\r\nx\r\n"));
        Assert.Equal("NOT_STORED", c.Call($"append {k}zz 0 0 1\r\nx\r\n"));
        Assert.Equal("CLIENT_ERROR cannot increment or decrement non-numeric value", c.Call($"incr {k}a 1\r\n"));
        Assert.Equal("DELETED", c.Call($"delete {k}a\r\n"));
        Assert.Equal("NOT_FOUND", c.Call($"delete {k}a\r\n"));
        Assert.Equal("SERVER_ERROR object too large for cache", c.Call($"set {k}big 0 0 2000000\r\n{new string('x', 2_000_000)}\r\n"));
        // Sent together, as in RunExpiredAndFlushed: memcached's LRU maintainer reclaims flushed items in the background, and a
        // get sent after flush_all's reply found the item already gone (no get_flushed) in 2 of 8 runs of the memcached tests.
        c.Send($"flush_all\r\nget {k}b\r\n");
        Assert.Equal("OK", c.Line());
        Assert.Equal("END", c.Line());
    }
}
