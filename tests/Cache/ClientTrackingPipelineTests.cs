using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// A tracking client's pipelines of reads and writes over keys on three shards, against redis-server 7.0: the replies and
/// the invalidations of its own changes come in one sequence, each invalidation right after the reply of the command
/// that made it (in broadcast mode after the pipeline's replies), though the cache batches the pipeline by shard.
/// </summary>
[Collection("cache-wire")]
public sealed class ClientTrackingPipelineTests(CacheSiloFixture fixture)
{
    public static TheoryData<string, string> Pipelines() => new()
    {
        { "on", "GET a|GET b|SET a 1|GET c|SET b 2|SET a 3|GET a|INCR c|DEL a b|SET c x|MGET a b c|PING" },
        // A write before the read of its key is not told; two writes after one read, once; a write over three shards, in its keys' order.
        { "on", "SET a 1|GET a|SET a 2|SET a 3|GET b|GET b|SET b 1|APPEND c z|GET c|MGET a b|MSET c 1 b 2 a 3|GET a|EXISTS b|DEL c b a|PING" },
        { "on", "HGET a f|HSET a f v|LPUSH b x|LRANGE b 0 -1|RPUSH b y|SADD c m|SMEMBERS c|SREM c m|HGETALL a|EXPIRE a 100|STRLEN c|PING" },
        { "on NOLOOP", "GET a|GET b|SET a 1|GET c|SET b 2|SET a 3|GET a|INCR c|DEL a b|SET c x|PING" },
        { "on OPTIN", "CLIENT CACHING yes|GET a|GET b|SET a 1|SET b 1|CLIENT CACHING yes|MGET b c|SET b 2|SET c 1|PING" },
        { "on OPTOUT", "GET a|CLIENT CACHING no|GET b|SET a 1|SET b 1|GET c|DEL c|PING" },
        { "on BCAST PREFIX {p}", "SET c 1|GET a|SET a 1|DEL c|SET b 2|INCR b|MSET c 1 a 2|PING" },
        { "on BCAST PREFIX {p} NOLOOP", "SET c 1|SET a 1|PING" },
    };

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task A_tracking_clients_pipeline_over_three_shards_is_answered_and_invalidated_as_by_redis_server(string tracking, string pipeline)
    {
        var expected = await RunAsync(fixture.Redis.Port, tracking, pipeline);
        if (!tracking.Contains("NOLOOP", StringComparison.Ordinal)) Assert.Contains(">[\"invalidate\"", expected);
        Assert.Equal(expected, await RunAsync(fixture.RespPort, tracking, pipeline));
    }

    /// <summary>
    /// Sends the pipeline, its keys a, b and c on three shards, in one write from a RESP3 client tracking as told, and
    /// returns what it hears until the reply to a PING sent once the pipeline's replies are in, with the keys named back.
    /// </summary>
    private static async Task<string> RunAsync(int port, string tracking, string pipeline)
    {
        var prefix = $"trackpipe{Guid.NewGuid():N}";
        var keys = ShardKeys.OnThreeShards(prefix);
        var names = new Dictionary<string, string> { ["a"] = keys[0], ["b"] = keys[1], ["c"] = keys[2], ["{p}"] = prefix };
        string Key(string token) => names.TryGetValue(token, out var key) ? key : token;
        await using var tracker = await RespTestClient.ConnectAsync(port);
        Assert.StartsWith("{", await tracker.CallAsync("HELLO", "3"));
        Assert.Equal("+OK", await tracker.CallAsync(["CLIENT", "TRACKING", .. tracking.Split(' ').Select(Key)]));
        var commands = pipeline.Split('|').Select(c => c.Split(' ').Select(Key).ToArray()).ToArray();
        await tracker.SendRawAsync([.. commands.SelectMany(RespTestClient.Encode)]);
        var seen = new List<string>();
        for (var replies = 0; replies < commands.Length;)
        {
            var item = await TrackingWire.ReadAsync(tracker);
            if (!item.StartsWith('>')) replies++;
            seen.Add(item);
        }
        await tracker.SendAsync("PING", "end");
        for (var item = await TrackingWire.ReadAsync(tracker); item != "\"end\""; item = await TrackingWire.ReadAsync(tracker)) seen.Add(item);
        await using var cleaner = await RespTestClient.ConnectAsync(port);
        await cleaner.CallAsync(["DEL", .. keys]);
        var text = string.Join(" | ", seen);
        for (var i = 0; i < keys.Length; i++) text = text.Replace(keys[i], "abc"[i].ToString());
        return text;
    }
}
