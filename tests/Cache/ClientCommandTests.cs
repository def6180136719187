using System.Globalization;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>CLIENT LIST, KILL, PAUSE, UNPAUSE, UNBLOCK and REPLY over the connections of one silo, as on a Redis node.</summary>
[Collection("cache-wire")]
public sealed class ClientCommandTests(CacheSiloFixture fixture)
{
    private static long IdOf(string reply) => long.Parse(reply.TrimStart(':'), CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fields(string line) =>
        line.Trim('"', '\n').Split(' ').Select(f => f.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    [Fact]
    public async Task CLIENT_LIST_describes_each_connection_and_filters_by_id_and_type()
    {
        await using var client = await fixture.ConnectAsync();
        await using var subscriber = await fixture.ConnectAsync();
        var id = IdOf(await client.CallAsync("CLIENT", "ID"));
        var subscriberId = IdOf(await subscriber.CallAsync("CLIENT", "ID"));
        Assert.Equal("[\"subscribe\", \"client-list-news\", :1]", await subscriber.CallAsync("SUBSCRIBE", "client-list-news"));
        Assert.Equal("+OK", await client.CallAsync("CLIENT", "SETNAME", "lister"));
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("GET", "{lst}x"));
        Assert.Equal("+QUEUED", await client.CallAsync("GET", "{lst}y"));
        Assert.Equal("[(nil), (nil)]", await client.CallAsync("EXEC"));

        var mine = Fields(await client.CallAsync("CLIENT", "LIST", "ID", id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), mine["id"]);
        Assert.Equal("lister", mine["name"]);
        Assert.Equal($"127.0.0.1:{fixture.RespPort}", mine["laddr"]);
        Assert.Equal("N", mine["flags"]);
        Assert.Equal("-1", mine["multi"]);
        Assert.Equal("client|list", mine["cmd"]);
        Assert.Equal("default", mine["user"]);
        Assert.Equal("2", mine["resp"]);

        var subscribed = await client.CallAsync("CLIENT", "LIST", "TYPE", "pubsub");
        Assert.Contains($"id={subscriberId} ", subscribed);
        Assert.DoesNotContain($"id={id} ", subscribed);
        var fields = Fields(subscribed.Trim('"').Split('\n').Single(l => l.StartsWith($"id={subscriberId} ", StringComparison.Ordinal)));
        Assert.Equal("P", fields["flags"]);
        Assert.Equal("1", fields["sub"]);
        Assert.Equal("subscribe", fields["cmd"]);
        Assert.DoesNotContain($"id={subscriberId} ", await client.CallAsync("CLIENT", "LIST", "TYPE", "normal"));

        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("GET", "{lst}x"));
        var inTransaction = await RespTestClient.ConnectAsync(fixture.RespPort);
        await using (inTransaction)
        {
            var seen = Fields(await inTransaction.CallAsync("CLIENT", "LIST", "ID", id.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal("x", seen["flags"]);
            Assert.Equal("1", seen["multi"]);
        }
        Assert.Equal("+OK", await client.CallAsync("DISCARD"));
    }

    [Fact]
    public async Task CLIENT_KILL_closes_the_connections_it_matches_but_not_the_caller_unless_asked()
    {
        await using var killer = await fixture.ConnectAsync();
        await using var victim = await fixture.ConnectAsync();
        await using var byAddress = await fixture.ConnectAsync();
        var victimId = IdOf(await victim.CallAsync("CLIENT", "ID"));
        Assert.Equal(":1", await killer.CallAsync("CLIENT", "KILL", "ID", victimId.ToString(CultureInfo.InvariantCulture)));
        Assert.True(victim.IsClosedByServer());
        Assert.Equal(":0", await killer.CallAsync("CLIENT", "KILL", "ID", victimId.ToString(CultureInfo.InvariantCulture)));

        var address = Fields(await byAddress.CallAsync("CLIENT", "INFO"))["addr"];
        Assert.Equal("+OK", await killer.CallAsync("CLIENT", "KILL", address));
        Assert.True(byAddress.IsClosedByServer());
        Assert.Equal("-ERR No such client", await killer.CallAsync("CLIENT", "KILL", address));

        var killerId = IdOf(await killer.CallAsync("CLIENT", "ID"));
        var own = killerId.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(":0", await killer.CallAsync("CLIENT", "KILL", "ID", own));
        Assert.Equal("+PONG", await killer.CallAsync("PING"));
        // Killing itself, a client still gets the reply, then the connection closes.
        Assert.Equal(":1", await killer.CallAsync("CLIENT", "KILL", "ID", own, "SKIPME", "no"));
        Assert.True(killer.IsClosedByServer());
    }

    [Fact]
    public async Task CLIENT_UNBLOCK_ends_a_blocking_pop_as_a_timeout_or_an_error()
    {
        await using var blocked = await fixture.ConnectAsync();
        await using var admin = await fixture.ConnectAsync();
        var id = IdOf(await blocked.CallAsync("CLIENT", "ID")).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(":0", await admin.CallAsync("CLIENT", "UNBLOCK", id));

        var popped = blocked.CallAsync("BLPOP", "{unblock}list", "0");
        await WaitUntilBlockedAsync(admin, id);
        Assert.Equal(":1", await admin.CallAsync("CLIENT", "UNBLOCK", id));
        Assert.Equal("(nil array)", await popped.WaitAsync(TimeSpan.FromSeconds(20)));

        var read = blocked.CallAsync("XREAD", "BLOCK", "0", "STREAMS", "{unblock}stream", "$");
        await WaitUntilBlockedAsync(admin, id);
        Assert.Equal(":1", await admin.CallAsync("CLIENT", "UNBLOCK", id, "ERROR"));
        Assert.Equal("-UNBLOCKED client unblocked via CLIENT UNBLOCK", await read.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("+PONG", await blocked.CallAsync("PING"));
    }

    private static async Task WaitUntilBlockedAsync(RespTestClient admin, string id)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var line = Fields(await admin.CallAsync("CLIENT", "LIST", "ID", id));
            if (line["flags"].Contains('b', StringComparison.Ordinal)) return;
            await Task.Delay(25);
        }
        throw new TimeoutException($"client {id} never blocked");
    }

    [Fact]
    public async Task CLIENT_PAUSE_WRITE_holds_writes_until_UNPAUSE_and_lets_reads_through()
    {
        await using var admin = await fixture.ConnectAsync();
        await using var writer = await fixture.ConnectAsync();
        Assert.Equal("+OK", await admin.CallAsync("SET", "{pause}k", "before"));
        try
        {
            Assert.Equal("+OK", await admin.CallAsync("CLIENT", "PAUSE", "100000", "WRITE"));
            var write = writer.CallAsync("SET", "{pause}k", "after");
            Assert.Equal("\"before\"", await admin.CallAsync("GET", "{pause}k"));
            Assert.Equal("\"before\"", await admin.CallAsync("GET", "{pause}k"));
            Assert.False(write.IsCompleted);
            Assert.Equal("+OK", await admin.CallAsync("CLIENT", "UNPAUSE"));
            Assert.Equal("+OK", await write.WaitAsync(TimeSpan.FromSeconds(20)));
            Assert.Equal("\"after\"", await admin.CallAsync("GET", "{pause}k"));
        }
        finally
        {
            await admin.CallAsync("CLIENT", "UNPAUSE");
        }
    }

    [Fact]
    public async Task CLIENT_PAUSE_ALL_holds_every_command_until_its_timeout()
    {
        await using var admin = await fixture.ConnectAsync();
        await using var reader = await fixture.ConnectAsync();
        Assert.Equal("+OK", await admin.CallAsync("CLIENT", "PAUSE", "300", "ALL"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var read = reader.CallAsync("GET", "{pause}all");
        Assert.Equal("(nil)", await read.WaitAsync(TimeSpan.FromSeconds(20)));
        // The silo's own timer ends the pause: the read cannot have run before it.
        Assert.True(started.ElapsedMilliseconds >= 200, $"the read returned after {started.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task CLIENT_REPLY_OFF_and_SKIP_hold_back_replies()
    {
        await using var client = await fixture.ConnectAsync();
        await client.SendAsync("CLIENT", "REPLY", "SKIP");
        await client.SendAsync("SET", "{reply}k", "1");
        Assert.Equal("\"1\"", await client.CallAsync("GET", "{reply}k"));
        await client.SendAsync("CLIENT", "REPLY", "OFF");
        await client.SendAsync("SET", "{reply}k", "2");
        await client.SendAsync("CLIENT", "REPLY", "SKIP");
        await client.SendAsync("INCR", "{reply}k");
        Assert.Equal("+OK", await client.CallAsync("CLIENT", "REPLY", "ON"));
        Assert.Equal("\"3\"", await client.CallAsync("GET", "{reply}k"));
    }

    [Fact]
    public async Task MEMORY_USAGE_answers_the_bytes_the_cache_accounts_for_a_key()
    {
        await using var client = await fixture.ConnectAsync();
        Assert.Equal("+OK", await client.CallAsync("SET", "memory:small", "v"));
        Assert.Equal("+OK", await client.CallAsync("SET", "memory:large", new string('x', 10_000)));
        var small = long.Parse((await client.CallAsync("MEMORY", "USAGE", "memory:small")).TrimStart(':'), CultureInfo.InvariantCulture);
        var large = long.Parse((await client.CallAsync("MEMORY", "USAGE", "memory:large", "SAMPLES", "0")).TrimStart(':'), CultureInfo.InvariantCulture);
        Assert.InRange(small, 1 + 12, 1000);
        Assert.InRange(large - small, 10_000 - 1, 10_000 + 100);
        Assert.Equal("(nil)", await client.CallAsync("MEMORY", "USAGE", "memory:absent"));
    }
}
