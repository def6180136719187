using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// Shard channels (SSUBSCRIBE, SUNSUBSCRIBE, SPUBLISH, PUBSUB SHARDCHANNELS and SHARDNUMSUB): the same steps run
/// against the cache and a real redis-server, each step's replies (several for a multi-channel subscribe) compared.
/// </summary>
[Collection("cache-wire")]
public sealed class ShardedPubSubTests(CacheSiloFixture fixture)
{
    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    public async Task Shard_channels_are_subscribed_counted_and_published_to_apart_from_channels_as_by_redis(string protocol)
    {
        var channel = $"orders-{protocol}-{Guid.NewGuid():N}";
        var other = $"audit-{protocol}-{Guid.NewGuid():N}";
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        await using var ourPublisher = await fixture.ConnectAsync();
        await using var theirPublisher = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        var differences = new List<string>();

        async Task Step(RespTestClient? ourClient, RespTestClient? theirClient, int replies, params string[] command)
        {
            ourClient ??= ours;
            theirClient ??= theirs;
            var expected = new List<string> { await theirClient.CallAsync(command) };
            var actual = new List<string> { await ourClient.CallAsync(command) };
            for (var i = 1; i < replies; i++)
            {
                expected.Add(await theirClient.ReadAsync());
                actual.Add(await ourClient.ReadAsync());
            }
            var (e, a) = (string.Join(" | ", expected).Replace(channel, "C").Replace(other, "O"), string.Join(" | ", actual).Replace(channel, "C").Replace(other, "O"));
            if (e != a) differences.Add($"{string.Join(' ', command)}\n    redis: {e}\n    ours:  {a}");
        }

        // A message pushed to the subscriber, read before it sends anything else.
        async Task Delivered()
        {
            var (actual, expected) = (await ours.ReadAsync(), await theirs.ReadAsync());
            if (actual.Replace(channel, "C") != expected.Replace(channel, "C")) differences.Add($"delivery\n    redis: {expected}\n    ours:  {actual}");
        }

        await ours.CallAsync("HELLO", protocol);
        await theirs.CallAsync("HELLO", protocol);
        await Step(null, null, 2, "SSUBSCRIBE", channel, other);
        await Step(null, null, 1, "SSUBSCRIBE", channel);
        await Step(null, null, 1, "SUBSCRIBE", channel);
        await Step(null, null, 1, "GET", "x");
        await Step(null, null, 1, "PING");
        await Step(ourPublisher, theirPublisher, 1, "SPUBLISH", channel, "shipped");
        await Delivered();
        await Step(null, null, 1, "PING", "after");
        await Step(ourPublisher, theirPublisher, 1, "PUBLISH", channel, "plain");
        // The message comes before the reply to a command sent after the publish returned, as in Redis.
        await Step(null, null, 2, "PING", "after publish");
        await Step(ourPublisher, theirPublisher, 1, "PUBSUB", "SHARDNUMSUB", channel, other, "nobody");
        await Step(ourPublisher, theirPublisher, 1, "PUBSUB", "NUMSUB", channel);
        await Step(ourPublisher, theirPublisher, 1, "PUBSUB", "SHARDCHANNELS", "orders-*");
        await Step(ourPublisher, theirPublisher, 1, "PUBSUB", "SHARDCHANNELS", "a", "b");
        await Step(ourPublisher, theirPublisher, 1, "SPUBLISH", "nobody", "x");
        await Step(ourPublisher, theirPublisher, 1, "SPUBLISH", "x");
        await Step(ourPublisher, theirPublisher, 1, "SSUBSCRIBE");
        await Step(null, null, 1, "SUNSUBSCRIBE", "never");
        await Step(null, null, 1, "SUNSUBSCRIBE", other);
        // With no channel named: every shard channel (one left, so the order Redis' dictionary gives does not matter).
        await Step(null, null, 1, "SUNSUBSCRIBE");
        await Step(null, null, 1, "SUNSUBSCRIBE");
        await Step(null, null, 1, "UNSUBSCRIBE");
        await Step(null, null, 1, "SET", "x", "1");
        Assert.True(differences.Count == 0, $"{differences.Count} replies differ:\n" + string.Join("\n", differences));
    }
}
