using System.Text;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// Functions on the wire beyond the differential scripts: FUNCTION DUMP payloads crossing between the cache and
/// redis-server both ways, ACL users calling functions (compared with redis-server), and the cache's shard rule for
/// FCALL's keys, alone and in MULTI.
/// </summary>
[Collection("cache-wire")]
public sealed class FunctionWireTests(CacheSiloFixture fixture)
{
    private const string Library = "#!lua name=wire\n" +
        "redis.register_function('wset', function(keys, args) return redis.call('set', keys[1], args[1]) end)\n" +
        "redis.register_function{function_name='wget', callback=function(keys) return redis.call('get', keys[1]) end, flags={'no-writes'}, description='reads one key'}\n" +
        "redis.register_function('wtouch', function(keys) return redis.call('set', 'w:other', 'x') end)\n";

    /// <summary>A second library long enough that redis-server compresses it (LZF) in its dump.</summary>
    private static readonly string Long = "#!lua name=long\n-- " + string.Concat(Enumerable.Repeat("repeated text, ", 40)) + "\n" +
        "redis.register_function('lg', function(keys, args) return #args end)\n";

    [Fact]
    public async Task A_dump_from_redis_restores_here_and_ours_restores_on_redis()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        foreach (var client in new[] { ours, theirs })
        {
            Assert.Equal("+OK", await client.CallAsync("FUNCTION", "FLUSH"));
            Assert.Equal("\"wire\"", await client.CallAsync("FUNCTION", "LOAD", Library));
        }
        Assert.Equal("\"long\"", await theirs.CallAsync("FUNCTION", "LOAD", Long));

        var redisDump = Payload(await theirs.CallAsync("FUNCTION", "DUMP"));
        Assert.Equal("-ERR Library wire already exists", await ours.CallAsync([.. Words("FUNCTION", "RESTORE"), redisDump]));
        Assert.Equal("+OK", await ours.CallAsync([.. Words("FUNCTION", "RESTORE"), redisDump, .. Words("REPLACE")]));
        Assert.Equal(":3", await ours.CallAsync("FCALL", "lg", "0", "a", "b", "c"));
        await AssertSameLibrariesAsync(ours, theirs);

        var ourDump = Payload(await ours.CallAsync("FUNCTION", "DUMP"));
        Assert.Equal("+OK", await theirs.CallAsync([.. Words("FUNCTION", "RESTORE"), ourDump, .. Words("FLUSH")]));
        await AssertSameLibrariesAsync(ours, theirs);
        Assert.Equal("+OK", await ours.CallAsync("FUNCTION", "FLUSH"));
        Assert.Equal("+OK", await ours.CallAsync([.. Words("FUNCTION", "RESTORE"), ourDump]));
        await AssertSameLibrariesAsync(ours, theirs);
        Assert.Equal("+OK", await ours.CallAsync("FCALL", "wset", "1", "w:1", "v"));
        Assert.Equal("\"v\"", await ours.CallAsync("FCALL_RO", "wget", "1", "w:1"));

        var corrupt = ourDump.ToArray();
        corrupt[5] ^= 1;
        Assert.Equal("-ERR DUMP payload version or checksum are wrong", await ours.CallAsync([.. Words("FUNCTION", "RESTORE"), corrupt]));
        Assert.Equal("-ERR DUMP payload version or checksum are wrong", await theirs.CallAsync([.. Words("FUNCTION", "RESTORE"), corrupt]));
    }

    [Theory]
    [InlineData("app")]
    [InlineData("writer")]
    [InlineData("mixed")]
    public async Task A_restricted_user_calls_functions_as_redis_allows(string user)
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        foreach (var client in new[] { ours, theirs })
        {
            Assert.Equal("+OK", await client.CallAsync("FUNCTION", "FLUSH"));
            Assert.Equal("\"wire\"", await client.CallAsync("FUNCTION", "LOAD", Library));
        }
        foreach (var (name, rules) in AclTests.Users)
            Assert.Equal("+OK", await theirs.CallAsync(["ACL", "SETUSER", name, "reset", ">" + AclTests.Password, .. rules.Split(' ')]));
        foreach (var client in new[] { ours, theirs }) Assert.Equal("+OK", await client.CallAsync("AUTH", user, AclTests.Password));
        string[][] commands =
        [
            ["FCALL", "wset", "1", "w:1", "v"], ["FCALL", "wset", "1", "rw:1", "v"], ["FCALL", "wset", "1", "app:1", "v"], ["FCALL_RO", "wget", "1", "r:1"],
            ["FCALL_RO", "wget", "1", "w:1"], ["FCALL", "wget", "1", "rw:1"], ["FCALL", "wtouch", "1", KeyBeside("w:other", "rw:", same: true)], ["FCALL_RO", "wget", "1", "app:1"],
            ["FUNCTION", "LIST", "LIBRARYNAME", "nothing"], ["FUNCTION", "DELETE", "nothing"], ["FUNCTION", "STATS"],
        ];
        foreach (var command in commands) Assert.Equal(await theirs.CallAsync(command), await ours.CallAsync(command));
    }

    [Fact]
    public async Task Keys_of_one_call_must_be_on_one_shard_alone_and_in_a_transaction()
    {
        await using var client = await fixture.ConnectAsync();
        Assert.Equal("\"wire\"", await client.CallAsync("FUNCTION", "LOAD", "REPLACE", Library));
        var (a, b) = ShardKeys.OnTwoShards("fcall");
        const string crossSlot = "-CROSSSLOT Keys in request don't hash to the same slot";
        Assert.Equal(crossSlot, await client.CallAsync("FCALL", "wset", "2", a, b, "v"));
        Assert.Equal("+OK", await client.CallAsync("FCALL", "wset", "2", "{t}a", "{t}b", "v"));
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("SET", a, "1"));
        Assert.Equal("+QUEUED", await client.CallAsync("FCALL", "wget", "1", b));
        Assert.Equal(crossSlot, await client.CallAsync("EXEC"));
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("SET", "{t}a", "1"));
        Assert.Equal("+QUEUED", await client.CallAsync("FCALL_RO", "wget", "1", "{t}a"));
        Assert.Equal("+QUEUED", await client.CallAsync("FCALL_RO", "wset", "1", "{t}a", "2"));
        Assert.Equal("[+OK, \"1\", -ERR Can not execute a script with write flag using *_ro command.]", await client.CallAsync("EXEC"));
        // A key the call did not declare, on another shard than the declared one's.
        var undeclared = await client.CallAsync("FCALL", "wtouch", "1", KeyBeside("w:other", "k", same: false));
        Assert.StartsWith("-ERR Script attempted to access a non local key in a cluster node script: wtouch", undeclared);
    }

    /// <summary>A key with the prefix on the shard of <paramref name="key"/> or (<paramref name="same"/> false) on another.</summary>
    private static string KeyBeside(string key, string prefix, bool same)
    {
        var shard = DataTier.Cache.CacheRouter.ShardOf(Encoding.UTF8.GetBytes(key));
        return Enumerable.Range(0, 100_000).Select(i => prefix + i).First(k => DataTier.Cache.CacheRouter.ShardOf(Encoding.UTF8.GetBytes(k)) == shard == same);
    }

    private static async Task AssertSameLibrariesAsync(RespTestClient ours, RespTestClient theirs)
    {
        foreach (var name in new[] { "wire", "long" })
            Assert.Equal(Sorted(await theirs.CallAsync("FUNCTION", "LIST", "WITHCODE", "LIBRARYNAME", name)), Sorted(await ours.CallAsync("FUNCTION", "LIST", "WITHCODE", "LIBRARYNAME", name)));
    }

    /// <summary>A library's functions in order of name: Redis lists them in its hash order.</summary>
    private static string Sorted(string list) =>
        string.Join("|", System.Text.RegularExpressions.Regex.Matches(list, "\\[\"name\", [^\\]]*\\]\\]?").Select(m => m.Value).Order(StringComparer.Ordinal))
        + System.Text.RegularExpressions.Regex.Replace(list, "\\[\"name\", [^\\]]*\\]\\]?", "");

    private static byte[][] Words(params string[] words) => [.. words.Select(Encoding.UTF8.GetBytes)];

    /// <summary>A bulk reply's bytes (the test client shows binary ones as hex).</summary>
    private static byte[] Payload(string reply)
    {
        Assert.StartsWith("\"", reply);
        var text = reply[1..^1];
        return text.StartsWith("hex:", StringComparison.Ordinal) ? Convert.FromHexString(text[4..]) : Encoding.UTF8.GetBytes(text);
    }
}
