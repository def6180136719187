using System.Text;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>The RESP endpoint over raw sockets: pipelining, inline commands, RESP3, protocol errors, expiry, INFO counters, auth and pub/sub.</summary>
[Collection("cache-wire")]
public sealed class CacheRespProtocolTests(CacheSiloFixture fixture)
{
    [Fact]
    public async Task A_pipeline_of_many_commands_gets_its_replies_in_order()
    {
        await using var client = await fixture.ConnectAsync();
        var pipeline = new List<byte>();
        for (var i = 0; i < 200; i++)
        {
            pipeline.AddRange(RespTestClient.Encode("SET", $"pipe:{i}", $"v{i}"));
            pipeline.AddRange(RespTestClient.Encode("GET", $"pipe:{i}"));
            pipeline.AddRange(RespTestClient.Encode("INCR", "pipe:counter"));
        }
        pipeline.AddRange(RespTestClient.Encode("MGET", "pipe:0", "pipe:199", "pipe:none"));
        await client.SendRawAsync([.. pipeline]);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal("+OK", await client.ReadAsync());
            Assert.Equal($"\"v{i}\"", await client.ReadAsync());
            Assert.Equal($":{i + 1}", await client.ReadAsync());
        }
        Assert.Equal("[\"v0\", \"v199\", (nil)]", await client.ReadAsync());
    }

    [Fact]
    public async Task Inline_commands_work_as_in_telnet()
    {
        await using var client = await fixture.ConnectAsync();
        await client.SendRawAsync("SET inline \"hello world\"\r\nGET inline\r\n\r\nPING\n"u8.ToArray());
        Assert.Equal("+OK", await client.ReadAsync());
        Assert.Equal("\"hello world\"", await client.ReadAsync());
        Assert.Equal("+PONG", await client.ReadAsync());
    }

    [Fact]
    public async Task A_malformed_request_gets_a_protocol_error_and_the_connection_closes()
    {
        await using var client = await fixture.ConnectAsync();
        await client.SendRawAsync("*1\r\n$abc\r\n"u8.ToArray());
        Assert.Equal("-ERR Protocol error: invalid bulk length", await client.ReadAsync());
        Assert.True(client.IsClosedByServer());
    }

    [Fact]
    public async Task Hello_3_switches_to_resp3_replies()
    {
        await using var client = await fixture.ConnectAsync();
        var hello = await client.CallAsync("HELLO", "3");
        Assert.StartsWith("{\"server\": \"redis\", \"version\": \"7.0.15\", \"proto\": :3, \"id\": :", hello);
        await client.CallAsync("HSET", "r3:h", "f", "v");
        Assert.Equal("{\"f\": \"v\"}", await client.CallAsync("HGETALL", "r3:h"));
        await client.CallAsync("ZADD", "r3:z", "1.5", "a", "2", "b");
        Assert.Equal(",1.5", await client.CallAsync("ZSCORE", "r3:z", "a"));
        Assert.Equal("[[\"a\", ,1.5], [\"b\", ,2]]", await client.CallAsync("ZRANGE", "r3:z", "0", "-1", "WITHSCORES"));
        Assert.Equal("(nil)", await client.CallAsync("GET", "r3:none"));
        Assert.StartsWith("=txt:# Server", await client.CallAsync("INFO", "server"));
        Assert.StartsWith("[\"server\", \"redis\"", await client.CallAsync("HELLO", "2"));
        Assert.Equal("(nil)", await client.CallAsync("GET", "r3:none"));
    }

    [Fact]
    public async Task Quit_replies_ok_and_closes()
    {
        await using var client = await fixture.ConnectAsync();
        Assert.Equal("+OK", await client.CallAsync("QUIT"));
        Assert.True(client.IsClosedByServer());
    }

    [Fact]
    public async Task Keys_expire_lazily_on_access_and_actively_without_it()
    {
        await using var client = await fixture.ConnectAsync();
        Assert.Equal("+OK", await client.CallAsync("SET", "exp:lazy", "v", "PX", "100"));
        for (var i = 0; i < 50; i++) await client.CallAsync("SET", $"exp:active:{i}", "v", "PX", "100");
        await Task.Delay(300);
        Assert.Equal("(nil)", await client.CallAsync("GET", "exp:lazy"));
        Assert.Equal(":-2", await client.CallAsync("TTL", "exp:lazy"));
        // The active sweep (every 50 ms in this fixture) removes the others without anyone reading them.
        var keys = "";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            keys = await client.CallAsync("KEYS", "exp:active:*");
            if (keys == "[]") break;
            await Task.Delay(50);
        }
        Assert.Equal("[]", keys);
        Assert.Matches(@"expired_keys:([5-9]\d|\d{3,})", await client.CallAsync("INFO", "stats"));
    }

    [Fact]
    public async Task Info_counts_keyspace_hits_and_misses()
    {
        await using var client = await fixture.ConnectAsync();
        var before = Counters(await client.CallAsync("INFO", "stats"));
        await client.CallAsync("SET", "info:k", "v");
        await client.CallAsync("GET", "info:k");
        await client.CallAsync("GET", "info:k");
        await client.CallAsync("GET", "info:missing");
        var after = Counters(await client.CallAsync("INFO", "stats"));
        Assert.Equal(before.Hits + 2, after.Hits);
        Assert.Equal(before.Misses + 1, after.Misses);
        var all = await client.CallAsync("INFO");
        foreach (var section in new[] { "# Server", "# Clients", "# Memory", "# Stats", "# Replication", "# Keyspace" }) Assert.Contains(section, all);
        Assert.Contains("db0:keys=", all);
    }

    private static (long Hits, long Misses) Counters(string info)
    {
        long Value(string name) => long.Parse(System.Text.RegularExpressions.Regex.Match(info, name + @":(\d+)").Groups[1].Value);
        return (Value("keyspace_hits"), Value("keyspace_misses"));
    }

    [Fact]
    public async Task With_requirepass_only_auth_hello_and_quit_run_before_authenticating()
    {
        await using var admin = await fixture.ConnectAsync();
        Assert.Equal("+OK", await admin.CallAsync("CONFIG", "SET", "requirepass", "s3cret"));
        try
        {
            await using var client = await fixture.ConnectAsync();
            Assert.Equal("-NOAUTH Authentication required.", await client.CallAsync("GET", "x"));
            Assert.Equal("-NOAUTH Authentication required.", await client.CallAsync("PING"));
            Assert.Equal("-WRONGPASS invalid username-password pair or user is disabled.", await client.CallAsync("AUTH", "wrong"));
            Assert.StartsWith("-NOAUTH HELLO must be called with the client already authenticated", await client.CallAsync("HELLO", "3"));
            Assert.Equal("+OK", await client.CallAsync("AUTH", "s3cret"));
            Assert.Equal("+PONG", await client.CallAsync("PING"));

            await using var hello = await fixture.ConnectAsync();
            Assert.StartsWith("{\"server\"", await hello.CallAsync("HELLO", "3", "AUTH", "default", "s3cret", "SETNAME", "me"));
            Assert.Equal("\"me\"", await hello.CallAsync("CLIENT", "GETNAME"));
        }
        finally
        {
            Assert.Equal("+OK", await admin.CallAsync("CONFIG", "SET", "requirepass", ""));
        }
    }

    [Fact]
    public async Task Subscribers_receive_published_messages_and_patterns()
    {
        await using var subscriber = await fixture.ConnectAsync();
        await using var publisher = await fixture.ConnectAsync();
        Assert.Equal("[\"subscribe\", \"news\", :1]", await subscriber.CallAsync("SUBSCRIBE", "news"));
        Assert.Equal("[\"psubscribe\", \"new*\", :2]", await subscriber.CallAsync("PSUBSCRIBE", "new*"));
        Assert.StartsWith("-ERR Can't execute 'get': only (P|S)SUBSCRIBE", await subscriber.CallAsync("GET", "x"));
        Assert.Equal("[\"pong\", \"\"]", await subscriber.CallAsync("PING"));
        Assert.Equal(":2", await publisher.CallAsync("PUBLISH", "news", "hello"));
        Assert.Equal(":1", await publisher.CallAsync("PUBLISH", "newt", "patterned"));
        Assert.Equal(":0", await publisher.CallAsync("PUBLISH", "other", "nobody"));
        var received = new[] { await subscriber.ReadAsync(), await subscriber.ReadAsync(), await subscriber.ReadAsync() };
        Assert.Contains("[\"message\", \"news\", \"hello\"]", received);
        Assert.Contains("[\"pmessage\", \"new*\", \"news\", \"hello\"]", received);
        Assert.Contains("[\"pmessage\", \"new*\", \"newt\", \"patterned\"]", received);
        Assert.Equal("[\"unsubscribe\", \"news\", :1]", await subscriber.CallAsync("UNSUBSCRIBE"));
        Assert.Equal("[\"punsubscribe\", \"new*\", :0]", await subscriber.CallAsync("PUNSUBSCRIBE"));
        Assert.Equal("+OK", await subscriber.CallAsync("SET", "after", "sub"));
    }

    [Fact]
    public async Task Scan_visits_every_key_across_shards_once()
    {
        await using var client = await fixture.ConnectAsync();
        for (var i = 0; i < 300; i++) await client.CallAsync("SET", $"scan:{i}", "v");
        await client.CallAsync("HSET", "scan:hash", "f", "v");
        var seen = new List<string>();
        var cursor = "0";
        var calls = 0;
        do
        {
            var reply = await client.CallAsync("SCAN", cursor, "MATCH", "scan:*", "COUNT", "50");
            var match = System.Text.RegularExpressions.Regex.Match(reply, "^\\[\"(\\d+)\", \\[(.*)\\]\\]$");
            Assert.True(match.Success, reply);
            cursor = match.Groups[1].Value;
            seen.AddRange(match.Groups[2].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries));
            calls++;
        }
        while (cursor != "0" && calls < 10_000);
        Assert.Equal(301, seen.Count);
        Assert.Equal(301, seen.Distinct().Count());
        Assert.Equal("[\"0\", [\"scan:hash\"]]", await client.CallAsync("SCAN", "0", "MATCH", "scan:*", "TYPE", "hash", "COUNT", "100000"));
    }

    [Fact]
    public async Task Multi_key_commands_span_slots_instead_of_failing_with_crossslot()
    {
        await using var client = await fixture.ConnectAsync();
        var keys = Enumerable.Range(0, 40).Select(i => $"multi:{i}").ToArray();
        Assert.Equal("+OK", await client.CallAsync(["MSET", .. keys.SelectMany(k => new[] { k, k + "!" })]));
        Assert.Equal("[" + string.Join(", ", keys.Select(k => $"\"{k}!\"")) + "]", await client.CallAsync(["MGET", .. keys]));
        Assert.Equal(":40", await client.CallAsync(["EXISTS", .. keys]));
        Assert.Equal("+OK", await client.CallAsync("RENAME", "multi:0", "elsewhere:0"));
        Assert.Equal("\"multi:0!\"", await client.CallAsync("GET", "elsewhere:0"));
        Assert.Equal(":39", await client.CallAsync(["DEL", .. keys]));
        Assert.Equal(":1", await client.CallAsync("MSETNX", "nx:a", "1", "nx:b", "2", "nx:c", "3"));
        Assert.Equal(":0", await client.CallAsync("MSETNX", "nx:d", "1", "nx:a", "2"));
        Assert.Equal("(nil)", await client.CallAsync("GET", "nx:d"));
    }

    [Fact]
    public async Task Command_and_config_answer_what_clients_ask_at_connect()
    {
        await using var client = await fixture.ConnectAsync();
        Assert.StartsWith(":", await client.CallAsync("COMMAND", "COUNT"));
        Assert.StartsWith("[[\"get\", :2, [readonly, fast]", (await client.CallAsync("COMMAND", "INFO", "get")).Replace("+", ""));
        Assert.Equal("[\"maxmemory-policy\", \"noeviction\"]", await client.CallAsync("CONFIG", "GET", "maxmemory-policy"));
        Assert.Equal("[\"databases\", \"1\"]", await client.CallAsync("CONFIG", "GET", "databases"));
        Assert.Equal(":1", await client.CallAsync("CLIENT", "ID").ContinueWith(t => t.Result.StartsWith(':') ? ":1" : t.Result));
        Assert.Equal("-ERR DB index is out of range", await client.CallAsync("SELECT", "1"));
    }

    internal static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
