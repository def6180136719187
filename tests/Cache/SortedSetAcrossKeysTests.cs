using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// Sorted set commands over keys on several shards (ZUNIONSTORE and the like, combined in steps) and the blocking pops
/// (BZPOPMIN, BZMPOP), served when another connection adds to the key they wait on.
/// </summary>
[Collection("cache-wire")]
public sealed class SortedSetAcrossKeysTests(CacheSiloFixture fixture)
{
    [Fact]
    public async Task ZUNIONSTORE_ZINTER_and_ZDIFFSTORE_combine_sorted_sets_and_sets_on_different_shards()
    {
        var (a, b) = ShardKeys.OnTwoShards("zops");
        var (_, destination) = ShardKeys.OnTwoShards("zops-dest");
        await using var client = await fixture.ConnectAsync();
        Assert.Equal(":3", await client.CallAsync("ZADD", a, "1", "x", "2", "y", "3", "z"));
        Assert.Equal(":2", await client.CallAsync("SADD", b, "y", "w"));
        Assert.Equal(":4", await client.CallAsync("ZUNIONSTORE", destination, "2", a, b, "WEIGHTS", "2", "10", "AGGREGATE", "SUM"));
        Assert.Equal("[\"x\", \"2\", \"z\", \"6\", \"w\", \"10\", \"y\", \"14\"]", await client.CallAsync("ZRANGE", destination, "0", "-1", "WITHSCORES"));
        Assert.Equal("[\"y\", \"2\"]", await client.CallAsync("ZINTER", "2", a, b, "AGGREGATE", "MAX", "WITHSCORES"));
        Assert.Equal(":1", await client.CallAsync("ZINTERCARD", "2", a, b));
        Assert.Equal(":2", await client.CallAsync("ZDIFFSTORE", destination, "2", a, b));
        Assert.Equal("[\"x\", \"z\"]", await client.CallAsync("ZRANGE", destination, "0", "-1"));
        Assert.Equal(":0", await client.CallAsync("ZINTERSTORE", destination, "2", a, ShardKeys.OnTwoShards("absent").Item2));
        Assert.Equal(":0", await client.CallAsync("EXISTS", destination));
        Assert.Equal("+OK", await client.CallAsync("SET", b, "text"));
        Assert.StartsWith("-WRONGTYPE", await client.CallAsync("ZUNION", "2", a, b, "WEIGHTS", "x"));
    }

    [Fact]
    public async Task A_blocked_BZPOPMIN_gets_the_member_another_client_adds_later()
    {
        var (other, key) = ShardKeys.OnTwoShards("bzpop");
        await using var consumer = await fixture.ConnectAsync();
        await using var producer = await fixture.ConnectAsync();
        var popped = consumer.CallAsync("BZPOPMIN", other, key, "30");
        Assert.False(popped.IsCompleted);
        Assert.Equal(":2", await producer.CallAsync("ZADD", key, "5", "five", "1", "one"));
        Assert.Equal($"[\"{key}\", \"one\", \"1\"]", await popped.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("[\"five\"]", await producer.CallAsync("ZRANGE", key, "0", "-1"));
    }

    [Fact]
    public async Task A_blocked_BZMPOP_is_woken_by_ZINCRBY_and_takes_up_to_its_count_from_the_end_it_names()
    {
        var (key, _) = ShardKeys.OnTwoShards("bzmpop");
        await using var consumer = await fixture.ConnectAsync();
        await using var producer = await fixture.ConnectAsync();
        var popped = consumer.CallAsync("BZMPOP", "30", "1", key, "MAX", "COUNT", "2");
        Assert.False(popped.IsCompleted);
        Assert.Equal("\"3\"", await producer.CallAsync("ZINCRBY", key, "3", "m"));
        Assert.Equal($"[\"{key}\", [[\"m\", \"3\"]]]", await popped.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("(nil array)", await consumer.CallAsync("BZPOPMAX", key, "0.05"));
    }
}
