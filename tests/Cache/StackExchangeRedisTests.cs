using StackExchange.Redis;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>StackExchange.Redis, unchanged, against the RESP endpoint (RESP2 and RESP3).</summary>
[Collection("cache-wire")]
public sealed class CacheStackExchangeRedisTests(CacheSiloFixture fixture)
{
    private ConnectionMultiplexer Connect(string extra = "") =>
        ConnectionMultiplexer.Connect($"127.0.0.1:{fixture.RespPort},abortConnect=true,connectTimeout=15000,syncTimeout=15000{extra}");

    [Theory]
    [InlineData("")]
    [InlineData(",protocol=resp3")]
    public async Task Strings_keys_and_expiry(string protocol)
    {
        using var redis = Connect(protocol);
        var db = redis.GetDatabase();
        var prefix = "se" + protocol.Length + ":";
        Assert.True(await db.StringSetAsync(prefix + "a", "hello"));
        Assert.Equal("hello", (string?)await db.StringGetAsync(prefix + "a"));
        Assert.True(await db.StringSetAsync(prefix + "ttl", "v", TimeSpan.FromSeconds(100)));
        var ttl = await db.KeyTimeToLiveAsync(prefix + "ttl");
        Assert.InRange(ttl!.Value.TotalSeconds, 90, 100);
        Assert.False(await db.StringSetAsync(prefix + "a", "x", when: When.NotExists));
        Assert.Equal(5, await db.StringIncrementAsync(prefix + "n", 5));
        Assert.Equal(2.5, await db.StringIncrementAsync(prefix + "f", 2.5));
        Assert.Equal(11, await db.StringAppendAsync(prefix + "a", " world"));
        Assert.Equal("world", (string?)await db.StringGetRangeAsync(prefix + "a", 6, -1));
        Assert.True(await db.KeyExistsAsync(prefix + "a"));
        Assert.True(await db.KeyExpireAsync(prefix + "a", TimeSpan.FromMilliseconds(50)));
        await Task.Delay(200);
        Assert.False((await db.StringGetAsync(prefix + "a")).HasValue);
        Assert.Equal(RedisType.String, await db.KeyTypeAsync(prefix + "n"));
        var values = await db.StringGetAsync([prefix + "n", prefix + "none"]);
        Assert.Equal("5", (string?)values[0]);
        Assert.False(values[1].HasValue);
        Assert.Equal(2, await db.KeyDeleteAsync([prefix + "n", prefix + "f", prefix + "none"]));
    }

    [Fact]
    public async Task Hashes_and_sorted_sets()
    {
        using var redis = Connect();
        var db = redis.GetDatabase();
        await db.HashSetAsync("se:h", [new("name", "ann"), new("age", "40")]);
        var all = (await db.HashGetAllAsync("se:h")).ToDictionary(e => (string)e.Name!, e => (string?)e.Value);
        Assert.Equal("ann", all["name"]);
        Assert.Equal(41, await db.HashIncrementAsync("se:h", "age"));
        Assert.True(await db.HashDeleteAsync("se:h", "name"));
        Assert.Equal(1, await db.HashLengthAsync("se:h"));

        await db.SortedSetAddAsync("se:z", [new("a", 3), new("b", 1), new("c", 2)]);
        var ranked = await db.SortedSetRangeByRankWithScoresAsync("se:z");
        Assert.Equal(["b", "c", "a"], ranked.Select(e => (string)e.Element!).ToArray());
        Assert.Equal(2, await db.SortedSetRankAsync("se:z", "a"));
        Assert.Equal(5, await db.SortedSetIncrementAsync("se:z", "a", 2));
        var byScore = await db.SortedSetRangeByScoreAsync("se:z", 1, 2);
        Assert.Equal(["b", "c"], byScore.Select(v => (string)v!).ToArray());
        Assert.Equal(3, await db.SortedSetLengthAsync("se:z"));
        var popped = await db.SortedSetPopAsync("se:z");
        Assert.Equal("b", (string?)popped!.Value.Element);
    }

    [Fact]
    public async Task Lists_and_sets()
    {
        using var redis = Connect();
        var db = redis.GetDatabase();
        Assert.Equal(3, await db.ListRightPushAsync("se:l", ["a", "b", "c"]));
        Assert.Equal(4, await db.ListLeftPushAsync("se:l", "z"));
        Assert.Equal(["z", "a", "b", "c"], (await db.ListRangeAsync("se:l")).Select(v => (string)v!));
        Assert.Equal("z", (string?)await db.ListLeftPopAsync("se:l"));
        Assert.Equal("c", (string?)await db.ListRightPopLeftPushAsync("se:l", "se:other"));
        Assert.Equal(2, await db.ListLengthAsync("se:l"));
        Assert.Equal("c", (string?)await db.ListGetByIndexAsync("se:other", 0));

        Assert.Equal(3, await db.SetAddAsync("se:s1", ["x", "y", "z"]));
        await db.SetAddAsync("se:s2", ["y", "z", "w"]);
        Assert.True(await db.SetContainsAsync("se:s1", "x"));
        Assert.Equal(["y", "z"], (await db.SetCombineAsync(SetOperation.Intersect, "se:s1", "se:s2")).Select(v => (string)v!).Order());
        Assert.Equal(4, await db.SetCombineAndStoreAsync(SetOperation.Union, "se:s3", "se:s1", "se:s2"));
        Assert.True(await db.SetMoveAsync("se:s1", "se:s2", "x"));
        Assert.Equal(["w", "x", "y", "z"], (await db.SetMembersAsync("se:s2")).Select(v => (string)v!).Order());
        Assert.Equal(RedisType.Set, await db.KeyTypeAsync("se:s2"));
        Assert.Equal(RedisType.List, await db.KeyTypeAsync("se:l"));
    }

    [Fact]
    public async Task A_batch_of_thousands_of_commands_is_pipelined()
    {
        using var redis = Connect();
        var db = redis.GetDatabase();
        var batch = db.CreateBatch();
        var sets = Enumerable.Range(0, 2000).Select(i => batch.StringSetAsync($"batch:{i}", i)).ToList();
        var gets = Enumerable.Range(0, 2000).Select(i => batch.StringGetAsync($"batch:{i}")).ToList();
        batch.Execute();
        await Task.WhenAll(sets);
        var values = await Task.WhenAll(gets);
        for (var i = 0; i < values.Length; i++) Assert.Equal(i, (int)values[i]);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        Assert.Equal(2000, server.Keys(pattern: "batch:*", pageSize: 250).Count());
    }

    [Fact]
    public async Task Pub_sub_delivers_to_subscribers()
    {
        using var redis = Connect();
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(RedisChannel.Literal("se:channel"), (_, message) => received.TrySetResult(message!));
        using var publisherConnection = Connect();
        var receivers = await publisherConnection.GetSubscriber().PublishAsync(RedisChannel.Literal("se:channel"), "hi");
        Assert.Equal(1, receivers);
        Assert.Equal("hi", await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(",protocol=resp3")]
    public async Task Streams_consumer_groups_and_hyperloglogs(string protocol)
    {
        using var redis = Connect(protocol);
        var db = redis.GetDatabase();
        var stream = "se-stream" + protocol.Length;
        var first = await db.StreamAddAsync(stream, [new NameValueEntry("temp", "21"), new NameValueEntry("room", "hall")]);
        var second = await db.StreamAddAsync(stream, "temp", "22");
        Assert.True(string.CompareOrdinal(first!, second!) < 0);
        Assert.Equal(2, await db.StreamLengthAsync(stream));
        var range = await db.StreamRangeAsync(stream);
        Assert.Equal([first, second], range.Select(e => e.Id));
        Assert.Equal("hall", (string?)range[0]["room"]);
        Assert.True(await db.StreamCreateConsumerGroupAsync(stream, "workers", StreamPosition.Beginning));
        var delivered = await db.StreamReadGroupAsync(stream, "workers", "w1", StreamPosition.NewMessages, count: 1);
        Assert.Equal(first, Assert.Single(delivered).Id);
        var pending = await db.StreamPendingAsync(stream, "workers");
        Assert.Equal(1, pending.PendingMessageCount);
        Assert.Equal("w1", (string?)Assert.Single(pending.Consumers).Name);
        Assert.Equal(1, await db.StreamAcknowledgeAsync(stream, "workers", first));
        Assert.Equal(0, (await db.StreamPendingAsync(stream, "workers")).PendingMessageCount);
        var read = await db.StreamReadAsync(stream, first);
        Assert.Equal(second, Assert.Single(read).Id);
        Assert.Equal(1, await db.StreamTrimAsync(stream, 1));
        Assert.Equal(RedisType.Stream, await db.KeyTypeAsync(stream));

        var visitors = "se-hll" + protocol.Length;
        Assert.True(await db.HyperLogLogAddAsync(visitors, [.. Enumerable.Range(0, 1000).Select(i => (RedisValue)("user" + i))]));
        Assert.InRange(await db.HyperLogLogLengthAsync(visitors), 970, 1030);
        Assert.False(await db.HyperLogLogAddAsync(visitors, "user1"));
    }
}
