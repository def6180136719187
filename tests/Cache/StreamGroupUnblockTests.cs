using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// What a client blocked in XREADGROUP hears when its stream or group changes under it other than by XADD, compared
/// with redis-server 7.0: the group destroyed, the key deleted, replaced, renamed away or expired end the wait with
/// Redis' errors at once; XGROUP SETID back does not serve it (Redis looks again only when the key is signalled), the
/// next XADD then serves it from the new ID.
/// </summary>
[Collection("cache-wire")]
public sealed class StreamGroupUnblockTests(CacheSiloFixture fixture)
{
    private const string KeyGone = "-UNBLOCKED the stream key no longer exists";
    private const string GroupGone = "-NOGROUP the consumer group this client was blocked on no longer exists";

    public static TheoryData<string, string> Changes() => new()
    {
        { "destroy", GroupGone },
        { "del", KeyGone },
        { "set", KeyGone },
        { "rename", KeyGone },
        { "expire", KeyGone },
        { "recreate", GroupGone },
        { "del-other-key", KeyGone },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_blocked_group_reader_is_answered_an_error_when_its_stream_or_group_goes(string change, string expected)
    {
        Assert.Equal(expected, await BlockThenChangeAsync(fixture.Redis.Port, change));
        Assert.Equal(expected, await BlockThenChangeAsync(fixture.RespPort, change));
    }

    [Fact]
    public async Task XGROUP_SETID_back_does_not_serve_a_blocked_reader_and_the_next_XADD_serves_it_from_there()
    {
        var theirs = await SetIdBackAsync(fixture.Redis.Port);
        Assert.Equal(["(nil array)", "[[\"k\", [[\"1-1\", [\"f\", \"a\"]], [\"2-1\", [\"f\", \"b\"]]]]]"], theirs);
        Assert.Equal(theirs, await SetIdBackAsync(fixture.RespPort));
    }

    /// <summary>
    /// A reader blocks 1.5 s on a group, which SETID moves back before its first entry: the reply when the wait ends.
    /// Then another blocks without a timeout, the group is moved back again and an entry added: its reply (the key shown as k).
    /// </summary>
    private static async Task<string[]> SetIdBackAsync(int port)
    {
        var key = $"setid-{Guid.NewGuid():N}";
        await using var producer = await RespTestClient.ConnectAsync(port);
        Assert.Equal("\"1-1\"", await producer.CallAsync("XADD", key, "1-1", "f", "a"));
        Assert.Equal("+OK", await producer.CallAsync("XGROUP", "CREATE", key, "g", "$"));
        await using var clients = new BlockedClients(port, producer);
        var timed = await clients.BlockAsync("XREADGROUP", "GROUP", "g", "c1", "BLOCK", "1500", "STREAMS", key, ">");
        Assert.Equal("+OK", await producer.CallAsync("XGROUP", "SETID", key, "g", "0"));
        var timedOut = await timed.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("+OK", await producer.CallAsync("XGROUP", "SETID", key, "g", "$"));
        var waiting = await clients.BlockAsync("XREADGROUP", "GROUP", "g", "c2", "BLOCK", "0", "STREAMS", key, ">");
        Assert.Equal("+OK", await producer.CallAsync("XGROUP", "SETID", key, "g", "0"));
        Assert.Equal("\"2-1\"", await producer.CallAsync("XADD", key, "2-1", "f", "b"));
        return [timedOut, (await waiting.WaitAsync(TimeSpan.FromSeconds(20))).Replace(key, "k")];
    }

    /// <summary>A reader blocks on a group of a stream (of two, on two shards here, for <c>del-other-key</c>), then the change: its reply.</summary>
    private static async Task<string> BlockThenChangeAsync(int port, string change)
    {
        var (key, other) = ShardKeys.OnTwoShards("unblock");
        await using var producer = await RespTestClient.ConnectAsync(port);
        foreach (var k in new[] { key, other }) Assert.Equal("+OK", await producer.CallAsync("XGROUP", "CREATE", k, "g", "$", "MKSTREAM"));
        await using var clients = new BlockedClients(port, producer);
        var read = await clients.BlockAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", key, other, ">", ">");
        switch (change)
        {
            case "destroy": Assert.Equal(":1", await producer.CallAsync("XGROUP", "DESTROY", key, "g")); break;
            case "del": Assert.Equal(":1", await producer.CallAsync("DEL", key)); break;
            case "set": Assert.Equal("+OK", await producer.CallAsync("SET", key, "x")); break;
            case "rename": Assert.Equal("+OK", await producer.CallAsync("RENAME", key, key + "-moved")); break;
            case "expire": Assert.Equal(":1", await producer.CallAsync("PEXPIRE", key, "50")); break;
            case "del-other-key": Assert.Equal(":1", await producer.CallAsync("DEL", other)); break;
            case "recreate":
                Assert.Equal("+OK", await producer.CallAsync("MULTI"));
                Assert.Equal("+QUEUED", await producer.CallAsync("DEL", key));
                Assert.Equal("+QUEUED", await producer.CallAsync("XADD", key, "5-1", "f", "v"));
                Assert.Equal("[:1, \"5-1\"]", await producer.CallAsync("EXEC"));
                break;
        }
        return await read.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
