using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// CLIENT TRACKING and flushes, against redis-server 7.0: each tracking client hears of a flush once, as an
/// <c>invalidate</c> push with a null array (or through the client it redirects to), in default and broadcast mode, after
/// the reply to the flush when it flushed itself, though the cache empties each of its shards.
/// </summary>
[Collection("cache-wire")]
public sealed class ClientTrackingFlushTests(CacheSiloFixture fixture)
{
    public static TheoryData<string> Flushes() => ["FLUSHALL", "FLUSHALL ASYNC", "FLUSHDB", "FLUSHDB SYNC"];

    [Theory]
    [MemberData(nameof(Flushes))]
    public async Task Every_tracking_client_hears_once_of_another_clients_flush_as_redis_server(string flush)
    {
        var expected = await OthersFlushAsync(fixture.Redis.Port, flush);
        Assert.Contains("(nil)]", expected);
        Assert.Equal(expected, await OthersFlushAsync(fixture.RespPort, flush));
    }

    public static TheoryData<string, string> OwnFlushes() => new()
    {
        { "on", "GET a|FLUSHALL|GET a|SET a 1|PING" },
        { "on", "GET a|SET b 1|FLUSHALL ASYNC|GET b|FLUSHDB|PING" },
        { "on NOLOOP", "GET a|FLUSHDB|PING" },
        { "on BCAST", "SET a 1|FLUSHALL|SET b 1|PING" },
    };

    [Theory]
    [MemberData(nameof(OwnFlushes))]
    public async Task A_tracking_client_that_flushes_hears_of_it_once_right_after_the_reply_as_redis_server(string tracking, string pipeline)
    {
        var expected = await OwnFlushAsync(fixture.Redis.Port, tracking, pipeline);
        Assert.Contains("+OK | >[\"invalidate\", (nil)]", expected);
        Assert.Equal(expected, await OwnFlushAsync(fixture.RespPort, tracking, pipeline));
    }

    [Theory]
    [MemberData(nameof(Flushes))]
    public async Task A_client_that_flushes_and_redirects_its_invalidations_has_them_heard_once_as_redis_server(string flush)
    {
        var expected = await RedirectedFlushAsync(fixture.Redis.Port, flush);
        Assert.Contains("(nil)]", expected);
        Assert.Equal(expected, await RedirectedFlushAsync(fixture.RespPort, flush));
    }

    /// <summary>
    /// A RESP3 tracker in default mode that read a key, one in broadcast mode, a RESP2 tracker redirecting to a RESP3
    /// client and one redirecting to a RESP2 subscriber of the invalidate channel; another client flushes; what each of
    /// the four hearing clients hears until the reply to a PING sent after the flush's reply.
    /// </summary>
    private static async Task<string> OthersFlushAsync(int port, string flush)
    {
        var key = $"trackflush{Guid.NewGuid():N}";
        await using var tracker = await Resp3Async(port, "on");
        Assert.Equal("(nil)", await tracker.CallAsync("GET", key));
        await using var broadcast = await Resp3Async(port, "on", "BCAST");
        await using var listener = await Resp3Async(port);
        await using var redirected = await RespTestClient.ConnectAsync(port);
        Assert.Equal("+OK", await redirected.CallAsync("CLIENT", "TRACKING", "on", "REDIRECT", await IdOfAsync(listener)));
        Assert.Equal("(nil)", await redirected.CallAsync("GET", key));
        await using var subscriber = await RespTestClient.ConnectAsync(port);
        var subscriberId = await IdOfAsync(subscriber);
        Assert.Equal("[\"subscribe\", \"__redis__:invalidate\", :1]", await subscriber.CallAsync("SUBSCRIBE", "__redis__:invalidate"));
        await using var toSubscriber = await RespTestClient.ConnectAsync(port);
        Assert.Equal("+OK", await toSubscriber.CallAsync("CLIENT", "TRACKING", "on", "BCAST", "REDIRECT", subscriberId));
        await using var flusher = await RespTestClient.ConnectAsync(port);
        Assert.Equal("+OK", await flusher.CallAsync(flush.Split(' ')));
        var heard = new List<string>();
        foreach (var (name, client) in new[] { ("tracker", tracker), ("bcast", broadcast), ("listener", listener), ("subscriber", subscriber) })
            heard.Add($"{name}: {await UntilPongAsync(client)}");
        return string.Join("; ", heard);
    }

    private static async Task<string> OwnFlushAsync(int port, string tracking, string pipeline)
    {
        var (a, b) = ShardKeys.OnTwoShards("trackownflush");
        await using var tracker = await Resp3Async(port, tracking.Split(' '));
        var commands = pipeline.Split('|').Select(c => c.Split(' ').Select(t => t == "a" ? a : t == "b" ? b : t).ToArray()).ToArray();
        await tracker.SendRawAsync([.. commands.SelectMany(RespTestClient.Encode)]);
        var heard = await UntilPongAsync(tracker, commands.Length);
        await using var cleaner = await RespTestClient.ConnectAsync(port);
        await cleaner.CallAsync("DEL", a, b);
        return heard.Replace(a, "a").Replace(b, "b");
    }

    /// <summary>A RESP2 tracker redirecting to a RESP3 client reads a key and flushes: what it and that client hear.</summary>
    private static async Task<string> RedirectedFlushAsync(int port, string flush)
    {
        var key = $"trackredirflush{Guid.NewGuid():N}";
        await using var listener = await Resp3Async(port);
        await using var tracker = await RespTestClient.ConnectAsync(port);
        Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "on", "REDIRECT", await IdOfAsync(listener)));
        await tracker.SendRawAsync([.. RespTestClient.Encode("GET", key), .. RespTestClient.Encode(flush.Split(' ')), .. RespTestClient.Encode("PING")]);
        var trackerHeard = await UntilPongAsync(tracker, 3);
        return $"tracker: {trackerHeard}; listener: {await UntilPongAsync(listener)}";
    }

    private static async Task<RespTestClient> Resp3Async(int port, params string[] tracking)
    {
        var client = await RespTestClient.ConnectAsync(port);
        Assert.StartsWith("{", await client.CallAsync("HELLO", "3"));
        if (tracking.Length > 0) Assert.Equal("+OK", await client.CallAsync(["CLIENT", "TRACKING", .. tracking]));
        return client;
    }

    private static async Task<string> IdOfAsync(RespTestClient client) => (await client.CallAsync("CLIENT", "ID")).TrimStart(':');

    /// <summary>
    /// What the client hears until the reply to a PING it sends after the replies to the <paramref name="pending"/>
    /// commands it sent (so a push that would follow those replies is heard too).
    /// </summary>
    private static async Task<string> UntilPongAsync(RespTestClient client, int pending = 0)
    {
        var heard = new List<string>();
        while (pending > 0)
        {
            var item = await client.ReadAsync().WaitAsync(TrackingWire.Wait);
            if (!item.StartsWith('>') && !item.StartsWith("[\"message\"", StringComparison.Ordinal)) pending--;
            heard.Add(item);
        }
        await client.SendAsync("PING", "end");
        for (var item = await client.ReadAsync().WaitAsync(TrackingWire.Wait); item is not ("\"end\"" or "[\"pong\", \"end\"]"); item = await client.ReadAsync().WaitAsync(TrackingWire.Wait))
            heard.Add(item);
        return string.Join(" | ", heard);
    }
}
