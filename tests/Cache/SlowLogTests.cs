using System.Text.RegularExpressions;
using DataTier.Silo.Resp;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>SLOWLOG against a real redis-server: with every command logged, the same entries in the same order (ids, times and addresses masked).</summary>
[Collection("cache-wire")]
public sealed partial class SlowLogTests(CacheSiloFixture fixture)
{
    private static readonly string[] Lines =
    [
        "CLIENT SETNAME me", "SET k v", "AUTH bad", "AUTH u p", "HELLO 2", "MULTI", "SET a 1", "GET a", "EXEC",
        "EVAL \"return redis.call('get',KEYS[1])\" 1 k", "NOSUCH", "GET", "GET k extra", "MGET {t}x {t}y",
        "RPUSH l 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39",
        "BLPOP l 0", "CONFIG SET requirepass \"\"", "ACL SETUSER slowbob on >secret ~* +@all", "ACL DELUSER slowbob",
        "CLIENT SETNAME other", "SLOWLOG GET -2", "SLOWLOG LEN",
    ];

    [GeneratedRegex(@"\[:\d+, :\d+, :\d+, ")]
    private static partial Regex IdTimeAndDuration();

    [GeneratedRegex("\"127\\.0\\.0\\.1:\\d+\"")]
    private static partial Regex ClientAddress();

    [Fact]
    public async Task With_every_command_logged_the_entries_are_redis_own()
    {
        var ours = await RunAsync(fixture.RespPort);
        var theirs = await RunAsync(fixture.Redis.Port);
        Assert.Equal(theirs, ours);
        Assert.Contains("[\"SET\", \"big\", \"" + new string('x', 128) + "... (72 more bytes)\"]", ours);
        Assert.Contains("\"... (11 more arguments)\"]", ours);
    }

    [Fact]
    public async Task Only_commands_over_the_threshold_are_kept_and_the_length_is_bounded()
    {
        await using var client = await fixture.ConnectAsync();
        try
        {
            Assert.Equal("+OK", await client.CallAsync("CONFIG", "SET", "slowlog-log-slower-than", "100000000"));
            Assert.Equal("+OK", await client.CallAsync("SLOWLOG", "RESET"));
            for (var i = 0; i < 20; i++) await client.CallAsync("SET", "slow:" + i, "v");
            Assert.Equal(":0", await client.CallAsync("SLOWLOG", "LEN"));
            Assert.Equal("+OK", await client.CallAsync("CONFIG", "SET", "slowlog-log-slower-than", "0", "slowlog-max-len", "3"));
            for (var i = 0; i < 20; i++) await client.CallAsync("SET", "slow:" + i, "v");
            Assert.Equal(":3", await client.CallAsync("SLOWLOG", "LEN"));
            var newest = await client.CallAsync("SLOWLOG", "GET", "1");
            Assert.Contains("[\"SLOWLOG\", \"LEN\"]", newest);
            var ids = Regex.Matches(await client.CallAsync("SLOWLOG", "GET"), @"\[:(\d+), ").Select(m => long.Parse(m.Groups[1].Value)).ToList();
            Assert.Equal(3, ids.Count);
            Assert.True(ids[0] == ids[1] + 1 && ids[1] == ids[2] + 1, string.Join(",", ids));
            Assert.Equal("+OK", await client.CallAsync("CONFIG", "SET", "slowlog-log-slower-than", "-1"));
            Assert.Equal("+OK", await client.CallAsync("SLOWLOG", "RESET"));
            await client.CallAsync("SET", "slow:x", "v");
            Assert.Equal(":0", await client.CallAsync("SLOWLOG", "LEN"));
        }
        finally
        {
            await client.CallAsync("CONFIG", "SET", "slowlog-log-slower-than", "10000", "slowlog-max-len", "128");
        }
    }

    private static async Task<string> RunAsync(int port)
    {
        await using var client = await RespTestClient.ConnectAsync(port);
        try
        {
            Assert.Equal("+OK", await client.CallAsync("CONFIG", "SET", "slowlog-log-slower-than", "0"));
            Assert.Equal("+OK", await client.CallAsync("SLOWLOG", "RESET"));
            foreach (var line in Lines.Append("SET big " + new string('x', 200)))
            {
                Assert.True(InlineSplitter.TrySplit(System.Text.Encoding.UTF8.GetBytes(line), out var parts), line);
                await client.CallAsync([.. parts]);
            }
            var entries = await client.CallAsync("SLOWLOG", "GET", "-1");
            return ClientAddress().Replace(IdTimeAndDuration().Replace(entries, "["), "\"C\"");
        }
        finally
        {
            await client.CallAsync("CONFIG", "SET", "slowlog-log-slower-than", "10000");
            await client.CallAsync("DEL", "k", "a", "l", "big", "{t}x");
        }
    }
}
