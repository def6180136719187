using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// CLIENT TRACKING's order of invalidations and replies on one silo, against redis-server 7.0: another client's change
/// is queued for the tracking client before the writer hears its reply (so it comes before the reply to any command
/// the tracker sends afterwards), and a client's own change is told right after that command's reply (in broadcast
/// mode after the pipeline's replies), each seen by a RESP3 client as one sequence of pushes and replies.
/// </summary>
[Collection("cache-wire")]
public sealed class ClientTrackingOrderTests(CacheSiloFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>What a tracking client hears when a test elsewhere flushes the shared server: not what these tests look at.</summary>
    private const string Flushed = ">[\"invalidate\", (nil)]";

    [Fact]
    public async Task A_clients_own_change_is_told_right_after_that_commands_reply_in_a_pipeline()
    {
        const string expected = "(nil) | (nil) | +OK | >[\"invalidate\", [\"a\"]] | +OK | >[\"invalidate\", [\"b\"]] | +PONG";
        foreach (var port in new[] { fixture.Redis.Port, fixture.RespPort })
        {
            var (a, b) = ShardKeys.OnTwoShards("ownorder");
            await using var tracker = await TrackerAsync(port, "CLIENT", "TRACKING", "on");
            await SendPipelineAsync(tracker, ["GET", a], ["GET", b], ["SET", a, "1"], ["SET", b, "1"], ["PING"]);
            var seen = await ReadAsync(tracker, 7);
            Assert.Equal(expected, Named(seen, (a, "a"), (b, "b")));
            await CleanUpAsync(port, a, b);
        }
    }

    [Fact]
    public async Task A_clients_own_changes_in_broadcast_mode_are_told_after_the_pipelines_replies_in_one_message_in_key_order()
    {
        const string expected = "+OK | +OK | +PONG | >[\"invalidate\", [\"a\", \"b\"]]";
        foreach (var port in new[] { fixture.Redis.Port, fixture.RespPort })
        {
            var prefix = $"ownbcast{Guid.NewGuid():N}";
            var (a, b) = ShardKeys.OnTwoShards(prefix);
            // Redis lists a broadcast message's keys in byte order, whatever order they changed in.
            if (string.CompareOrdinal(a, b) > 0) (a, b) = (b, a);
            await using var tracker = await TrackerAsync(port, "CLIENT", "TRACKING", "on", "BCAST", "PREFIX", prefix);
            await SendPipelineAsync(tracker, ["SET", b, "1"], ["SET", a, "1"], ["PING"]);
            var seen = await ReadAsync(tracker, 4);
            Assert.Equal(expected, Named(seen, (a, "a"), (b, "b")));
            await CleanUpAsync(port, a, b);
        }
    }

    [Fact]
    public async Task Another_clients_change_reaches_the_tracker_before_the_reply_to_its_next_command()
    {
        const string expected = ">[\"invalidate\", [\"k\"]] | +PONG";
        foreach (var port in new[] { fixture.Redis.Port, fixture.RespPort })
        {
            await using var slow = await SlowBroadcastTrackerAsync(port);
            await using var writer = await RespTestClient.ConnectAsync(port);
            for (var round = 0; round < 3; round++)
            {
                var key = $"otherorder{Guid.NewGuid():N}";
                await using var tracker = await TrackerAsync(port, "CLIENT", "TRACKING", "on");
                Assert.Equal("(nil)", await tracker.CallAsync("GET", key));
                var written = await WriteBehindFillersAsync(writer, ["SET", key, "1"]);
                await tracker.SendAsync("PING");
                Assert.Equal(expected, Named(await ReadAsync(tracker, 2), (key, "k")));
                await CleanUpAsync(port, written);
            }
        }
    }

    [Fact]
    public async Task Another_clients_change_reaches_a_broadcast_tracker_before_the_reply_to_its_next_command()
    {
        const string expected = ">[\"invalidate\", [\"k\"]] | +PONG";
        foreach (var port in new[] { fixture.Redis.Port, fixture.RespPort })
        {
            await using var slow = await SlowBroadcastTrackerAsync(port);
            await using var writer = await RespTestClient.ConnectAsync(port);
            var prefix = $"otherbcast{Guid.NewGuid():N}";
            await using var tracker = await TrackerAsync(port, "CLIENT", "TRACKING", "on", "BCAST", "PREFIX", prefix);
            var key = prefix + ":k";
            var written = await WriteBehindFillersAsync(writer, ["SET", key, "1"]);
            await tracker.SendAsync("PING");
            Assert.Equal(expected, Named(await ReadAsync(tracker, 2), (key, "k")));
            await CleanUpAsync(port, written);
        }
    }

    [Fact]
    public async Task A_RESP2_subscriber_a_tracker_redirects_to_hears_of_a_change_before_the_reply_to_its_next_command()
    {
        const string expected = "[\"message\", \"__redis__:invalidate\", [\"k\"]] | [\"pong\", \"\"]";
        foreach (var port in new[] { fixture.Redis.Port, fixture.RespPort })
        {
            await using var slow = await SlowBroadcastTrackerAsync(port);
            await using var writer = await RespTestClient.ConnectAsync(port);
            await using var listener = await RespTestClient.ConnectAsync(port);
            await using var tracker = await RespTestClient.ConnectAsync(port);
            var listenerId = (await listener.CallAsync("CLIENT", "ID")).TrimStart(':');
            Assert.Equal("[\"subscribe\", \"__redis__:invalidate\", :1]", await listener.CallAsync("SUBSCRIBE", "__redis__:invalidate"));
            Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "on", "REDIRECT", listenerId));
            var key = $"redirorder{Guid.NewGuid():N}";
            Assert.Equal("(nil)", await tracker.CallAsync("GET", key));
            var written = await WriteBehindFillersAsync(writer, ["SET", key, "1"]);
            await listener.SendAsync("PING");
            Assert.Equal(expected, Named(await ReadAsync(listener, 2), (key, "k")));
            await CleanUpAsync(port, written);
        }
    }

    private static async Task<RespTestClient> TrackerAsync(int port, params string[] tracking)
    {
        var client = await RespTestClient.ConnectAsync(port);
        Assert.StartsWith("{", await client.CallAsync("HELLO", "3"));
        Assert.Equal("+OK", await client.CallAsync(tracking));
        return client;
    }

    /// <summary>
    /// A broadcast tracker with a thousand prefixes that match no key these tests write: each change costs a thousand
    /// prefix tests, so an invalidation handed on after the change would lag behind the writer's reply.
    /// </summary>
    private static async Task<RespTestClient> SlowBroadcastTrackerAsync(int port)
    {
        var prefixes = Enumerable.Range(0, 1000).SelectMany(i => new[] { "PREFIX", $"unmatched{i:D4}:" });
        return await TrackerAsync(port, ["CLIENT", "TRACKING", "on", "BCAST", .. prefixes]);
    }

    /// <summary>Sends two thousand changes of keys no one reads, then the command, in one pipeline, reads every reply and returns the keys changed.</summary>
    private static async Task<string[]> WriteBehindFillersAsync(RespTestClient writer, string[] command)
    {
        var filler = $"filler{Guid.NewGuid():N}";
        var keys = Enumerable.Range(0, 2000).Select(i => $"{filler}:{i}").Append(command[1]).ToArray();
        var commands = keys[..^1].Select(key => new[] { "SET", key, "x" }).Append(command).ToArray();
        await SendPipelineAsync(writer, commands);
        for (var i = 0; i < commands.Length; i++) Assert.Equal("+OK", await writer.ReadAsync().WaitAsync(Wait));
        return keys;
    }

    private static async Task SendPipelineAsync(RespTestClient client, params string[][] commands) =>
        await client.SendRawAsync([.. commands.SelectMany(RespTestClient.Encode)]);

    /// <summary>The next <paramref name="count"/> replies and pushes, in the order they came (flushes by other tests left out).</summary>
    private static async Task<List<string>> ReadAsync(RespTestClient client, int count)
    {
        var seen = new List<string>();
        while (seen.Count < count)
            if (await client.ReadAsync().WaitAsync(Wait) is var item && item != Flushed) seen.Add(item);
        return seen;
    }

    private static string Named(List<string> seen, params (string Key, string Name)[] names)
    {
        var text = string.Join(" | ", seen);
        foreach (var (key, name) in names) text = text.Replace(key, name);
        return text;
    }

    private static async Task CleanUpAsync(int port, params string[] keys)
    {
        await using var client = await RespTestClient.ConnectAsync(port);
        await client.CallAsync(["DEL", .. keys]);
    }
}
