using System.Text;
using System.Text.RegularExpressions;
using DataTier.Cache.Dump;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// DUMP and RESTORE between the cache and a real redis-server 7.0, both ways: a value written on one server is dumped
/// there and restored on both, and the restored keys must read the same (encodings included); errors are compared too.
/// </summary>
[Collection("cache-wire")]
public sealed partial class DumpRestoreTests(CacheSiloFixture fixture)
{
    public static TheoryData<string> Cases() => [.. DumpRestoreCases.All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_value_dumped_by_redis_restores_into_the_cache_as_into_redis(string name) => RoundTrip(name, dumpFromRedis: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_value_dumped_by_the_cache_restores_into_redis_as_into_the_cache(string name) => RoundTrip(name, dumpFromRedis: false);

    private async Task RoundTrip(string name, bool dumpFromRedis)
    {
        var test = DumpRestoreCases.All[name];
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        await Flush(ours, theirs);
        var source = dumpFromRedis ? theirs : ours;
        foreach (var command in test.Setup) Assert.DoesNotMatch("^-", await source.CallAsync(command));
        var payload = await source.CallForBytesAsync(Args("DUMP", "k"));
        Assert.NotNull(payload);
        Assert.Equal("+OK", await theirs.CallAsync(Args("RESTORE", "k2", "0", payload)));
        Assert.Equal("+OK", await ours.CallAsync(Args("RESTORE", "k2", "0", payload)));
        await CompareAsync(ours, theirs, [.. test.Reads.Select(read => read.Cast<object>().ToArray())]);
    }

    [Fact]
    public async Task Errors_expiry_and_options_match_redis()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        var valid = await FlushAndDumpAStringAsync(ours, theirs);
        var badChecksum = valid.ToArray();
        badChecksum[^1] ^= 0x55;
        var newer = DumpFormatTests.Seal(valid[..^10], version: 11);
        var older = DumpFormatTests.Seal(valid[..^10], version: 9);
        object[][] script =
        [
                ["SET", "k", "old"], ["RESTORE", "k", "0", valid], ["RESTORE", "k", "0", valid, "FOO"], ["RESTORE", "k", "-1", valid],
                ["RESTORE", "k", "-1", valid, "REPLACE"], ["RESTORE", "k", "abc", valid, "REPLACE"], ["RESTORE", "k", "1.5", valid, "REPLACE"],
                ["RESTORE", "n", "0", badChecksum], ["RESTORE", "n", "0", newer], ["RESTORE", "n", "0", "abc"], ["RESTORE", "n", "0", ""],
                ["RESTORE", "n", "0", DumpFormatTests.Seal([0x63], 10)], ["RESTORE", "n", "0", DumpFormatTests.Seal([0, 20, (byte)'a'], 10)], ["RESTORE", "n", "0", DumpFormatTests.Seal([18, 0], 10)],
                ["RESTORE", "n", "0", DumpFormatTests.Seal([2, 2, 1, (byte)'a', 1, (byte)'a'], 10)], ["RESTORE", "n", "0", DumpFormatTests.Seal([0, 0xc3, 3, 9, 0, 1, 2], 10)],
                ["EXISTS", "n"], ["RESTORE", "n", "0", older], ["GET", "n"],
                // Redis reads the value from the whole payload: a string running into the footer takes its bytes.
                ["RESTORE", "q", "0", DumpFormatTests.Seal([0, 5, (byte)'a'], 10)], ["STRLEN", "q"],
                ["RESTORE", "i", "0", valid, "IDLETIME"], ["RESTORE", "i", "0", valid, "IDLETIME", "-1"], ["RESTORE", "i", "0", valid, "IDLETIME", "x"],
                ["RESTORE", "i", "0", valid, "FREQ", "256"], ["RESTORE", "i", "0", valid, "FREQ", "-1"], ["RESTORE", "i", "0", valid, "FREQ", "x"],
                ["RESTORE", "i", "0", valid, "IDLETIME", "1", "FREQ", "1"], ["RESTORE", "i", "0", valid, "FREQ", "1", "IDLETIME", "1"],
                ["RESTORE", "i", "0", valid, "FREQ", "0", "FREQ", "255"], ["RESTORE", "i", "0", valid, "IDLETIME", "100", "IDLETIME", "200"],
                ["OBJECT", "IDLETIME", "i"], ["OBJECT", "FREQ", "i"], ["TTL", "i"], ["RESTORE", "i", "0", valid, "IDLETIME", "5", "REPLACE"],
                ["OBJECT", "IDLETIME", "i"], ["RESTORE", "i", "0", valid],
                ["RESTORE", "i2", "0", valid, "IDLETIME", "10000000"], ["OBJECT", "IDLETIME", "i2"], ["RESTORE", "i3", "0", valid, "IDLETIME", "17000000"],
                ["OBJECT", "IDLETIME", "i3"], ["RESTORE", "i4", "0", valid, "IDLETIME", "100000000"], ["OBJECT", "IDLETIME", "i4"],
                ["RESTORE", "i5", "0", valid, "IDLETIME", "9223372036854775807"], ["OBJECT", "IDLETIME", "i5"],
                ["RESTORE", "t", "100000", valid], ["TTL", "t"], ["RESTORE", "t", "5000", valid, "replace"], ["TTL", "t"],
                ["RESTORE", "t", "1", valid, "REPLACE", "ABSTTL"], ["EXISTS", "t"], ["RESTORE", "t", "1000", valid, "absttl"], ["EXISTS", "t"],
                ["RESTORE", "t", "99999999999000", valid, "ABSTTL"], ["EXPIRETIME", "t"], ["RESTORE", "t", "0", valid, "REPLACE"], ["TTL", "t"],
                ["RESTORE", "w", "9223372036854775807", valid], ["EXISTS", "w"], ["RESTORE", "w", "9223372036854775807", valid, "ABSTTL"], ["TTL", "w"],
                ["HSET", "h", "f", "v"], ["RESTORE", "h", "0", valid, "REPLACE"], ["TYPE", "h"], ["GET", "h"],
                ["DUMP", "nokey"], ["DUMP"], ["DUMP", "a", "b"], ["RESTORE", "n", "0"], ["RESTORE"],
                ["MULTI"], ["RESTORE", "{t}x", "0", valid], ["DUMP", "{t}x"], ["RESTORE", "{t}x", "0", valid], ["EXEC"],
                ["EVAL", "return redis.call('RESTORE', KEYS[1], 0, ARGV[1])", "1", "{t}y", valid],
                ["EVAL", "redis.call('RESTORE', KEYS[2], 0, redis.call('DUMP', KEYS[1])) return redis.call('GET', KEYS[2])", "2", "{t}y", "{t}z"],
                ["EVAL_RO", "return redis.call('RESTORE', KEYS[1], 0, ARGV[1], 'REPLACE')", "1", "{t}y", valid],
                ["EVAL_RO", "return redis.call('DUMP', KEYS[1]) == ARGV[1]", "1", "{t}y", valid],
        ];
        await CompareAsync(ours, theirs, script);
    }

    /// <summary>Under an LFU policy FREQ sets the restored key's counter (a restored key otherwise starts at 5) and IDLETIME is ignored, and the reverse under others.</summary>
    [Fact]
    public async Task FREQ_counts_under_an_LFU_policy_and_IDLETIME_under_the_others()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        var valid = await FlushAndDumpAStringAsync(ours, theirs);
        var policies = (await ours.CallAsync("CONFIG", "GET", "maxmemory-policy"), await theirs.CallAsync("CONFIG", "GET", "maxmemory-policy"));
        try
        {
            await CompareAsync(ours, theirs,
            [
                ["CONFIG", "SET", "maxmemory-policy", "allkeys-lfu"], ["RESTORE", "f", "0", valid, "FREQ", "100"], ["OBJECT", "FREQ", "f"],
                ["RESTORE", "g", "0", valid], ["OBJECT", "FREQ", "g"], ["RESTORE", "h", "0", valid, "IDLETIME", "50"], ["OBJECT", "FREQ", "h"],
                ["OBJECT", "IDLETIME", "h"], ["RESTORE", "f", "0", valid, "REPLACE"], ["OBJECT", "FREQ", "f"], ["RESTORE", "f", "0", valid, "REPLACE", "FREQ", "0"],
                ["OBJECT", "FREQ", "f"], ["CONFIG", "SET", "maxmemory-policy", "allkeys-lru"], ["RESTORE", "i", "0", valid, "FREQ", "9", "REPLACE"],
                ["OBJECT", "IDLETIME", "i"], ["RESTORE", "i", "0", valid, "IDLETIME", "1000", "REPLACE"], ["OBJECT", "IDLETIME", "i"],
            ]);
        }
        finally
        {
            await ours.CallAsync("CONFIG", "SET", "maxmemory-policy", Items(policies.Item1)[1].Trim('"'));
            await theirs.CallAsync("CONFIG", "SET", "maxmemory-policy", Items(policies.Item2)[1].Trim('"'));
        }
    }

    /// <summary>A listpack made under raised limits stays a listpack when restored under the defaults, up to the entry limit (only the count is checked).</summary>
    [Fact]
    public async Task A_listpack_with_long_values_stays_one_up_to_the_entry_limit()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        await Flush(ours, theirs);
        string[] limits = ["zset-max-listpack-value", "hash-max-listpack-value", "zset-max-listpack-entries", "hash-max-listpack-entries"];
        var defaults = new List<string>();
        foreach (var limit in limits) defaults.Add(Items(await theirs.CallAsync("CONFIG", "GET", limit))[1].Trim('"'));
        var payloads = new Dictionary<string, byte[]>();
        try
        {
            foreach (var limit in limits) Assert.Equal("+OK", await theirs.CallAsync("CONFIG", "SET", limit, "1000"));
            var longText = new string('x', 100);
            await theirs.CallAsync("ZADD", "z", "1", longText, "2", "b");
            await theirs.CallAsync("HSET", "h", "f", longText, longText, "v");
            await theirs.CallAsync(["ZADD", "z2", .. Enumerable.Range(0, 300).SelectMany(i => new[] { i.ToString(), "m" + i })]);
            await theirs.CallAsync(["HSET", "h2", .. Enumerable.Range(0, 300).SelectMany(i => new[] { "f" + i, longText })]);
            foreach (var key in new[] { "z", "h", "z2", "h2" }) payloads[key] = (await theirs.CallForBytesAsync(Args("DUMP", key)))!;
        }
        finally
        {
            for (var i = 0; i < limits.Length; i++) await theirs.CallAsync("CONFIG", "SET", limits[i], defaults[i]);
        }
        await CompareAsync(ours, theirs,
        [
            .. payloads.SelectMany(p => new object[][] { ["RESTORE", p.Key + "r", "0", p.Value], ["OBJECT", "ENCODING", p.Key + "r"] }),
            ["ZADD", "zr", "3", new string('y', 100)], ["OBJECT", "ENCODING", "zr"], ["HSET", "hr", "g", "short"], ["OBJECT", "ENCODING", "hr"],
        ]);
    }

    private static async Task CompareAsync(RespTestClient ours, RespTestClient theirs, object[][] script)
    {
        var differences = new List<string>();
        foreach (var line in script)
        {
            var command = Args(line);
            var expected = Normalize(Encoding.UTF8.GetString(command[0]), await theirs.CallAsync(command));
            var actual = Normalize(Encoding.UTF8.GetString(command[0]), await ours.CallAsync(command));
            if (expected != actual) differences.Add($"{Describe(command)}\n    redis: {expected}\n    ours:  {actual}");
        }
        Assert.True(differences.Count == 0, $"{differences.Count} replies differ:\n" + string.Join("\n", differences));
    }

    [Fact]
    public async Task A_restored_list_wakes_a_client_blocked_on_its_key()
    {
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        await using var blocked = await fixture.ConnectAsync();
        await using var writer = await fixture.ConnectAsync();
        Assert.Equal("+OK", await theirs.CallAsync("FLUSHALL"));
        await theirs.CallAsync("RPUSH", "l", "first", "second");
        var payload = (await theirs.CallForBytesAsync(Args("DUMP", "l")))!;
        await writer.CallAsync("DEL", "blocked-on");
        await blocked.SendAsync("BLPOP", "blocked-on", "10");
        await Task.Delay(200);
        Assert.Equal("+OK", await writer.CallAsync(Args("RESTORE", "blocked-on", "0", payload)));
        Assert.Equal("[\"blocked-on\", \"first\"]", await blocked.ReadAsync().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("[\"second\"]", await writer.CallAsync("LRANGE", "blocked-on", "0", "-1"));
    }

    /// <summary>Both servers flushed, and redis-server's DUMP of a string (key <c>src</c>, "hello") for the tests to restore.</summary>
    private static async Task<byte[]> FlushAndDumpAStringAsync(RespTestClient ours, RespTestClient theirs)
    {
        await Flush(ours, theirs);
        Assert.Equal("+OK", await theirs.CallAsync("SET", "src", "hello"));
        return (await theirs.CallForBytesAsync(Args("DUMP", "src")))!;
    }

    private static async Task Flush(RespTestClient ours, RespTestClient theirs)
    {
        Assert.Equal("+OK", await ours.CallAsync("FLUSHALL"));
        Assert.Equal("+OK", await theirs.CallAsync("FLUSHALL"));
    }

    /// <summary>Arguments as bytes: strings as UTF-8, byte arrays as they are.</summary>
    private static byte[][] Args(params object[] parts) =>
        parts.Select(p => p as byte[] ?? Encoding.UTF8.GetBytes((string)p)).ToArray();

    private static string Describe(byte[][] command) =>
        string.Join(' ', command.Select(a => a.All(b => b is >= 32 and < 127) ? Encoding.ASCII.GetString(a) : "<" + Convert.ToHexString(a) + ">"));

    /// <summary>
    /// Hash-table replies compared as sorted pairs or members; a TTL to the second; the radix tree's key and node counts
    /// left out of XINFO STREAM FULL (the cache's nodes are not Redis' radix tree).
    /// </summary>
    private static string Normalize(string command, string reply)
    {
        switch (command.ToUpperInvariant())
        {
            case "SMEMBERS":
                return string.Join("|", Items(reply).Order(StringComparer.Ordinal));
            case "HGETALL":
                return string.Join("|", Items(reply).Chunk(2).Select(p => string.Join("=", p)).Order(StringComparer.Ordinal));
            case "PTTL" when long.TryParse(reply.TrimStart(':'), out var ms) && ms > 0:
                return ":~" + Math.Round(ms / 1000.0);
            case "XINFO":
                return RadixTreeCounts().Replace(reply, "radix-tree");
            default:
                return reply;
        }
    }

    private static string[] Items(string reply) => reply.Trim('[', ']').Split(", ");

    [GeneratedRegex("\"radix-tree-(keys|nodes)\", :[0-9]+")]
    private static partial Regex RadixTreeCounts();
}
