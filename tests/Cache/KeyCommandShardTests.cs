using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>COPY, OBJECT, LCS and SORT where the cache differs from a Redis node (database 0 only) or where their keys' shards matter.</summary>
[Collection("cache-wire")]
public sealed class KeyCommandShardTests(CacheSiloFixture fixture)
{
    /// <summary>The differential scripts' pairs that must be on different shards to exercise the steps across shards.</summary>
    [Theory]
    [InlineData("src", "dst")]
    [InlineData("a", "b")]
    [InlineData("h", "a")]
    [InlineData("l", "b")]
    [InlineData("s", "k1")]
    [InlineData("z", "w1")]
    [InlineData("st", "o1")]
    public void Differential_script_keys_are_on_different_shards(string first, string second) =>
        Assert.NotEqual(DataTier.Cache.CacheRouter.ShardOf(System.Text.Encoding.UTF8.GetBytes(first)), DataTier.Cache.CacheRouter.ShardOf(System.Text.Encoding.UTF8.GetBytes(second)));

    [Fact]
    public async Task COPY_to_another_database_is_out_of_range_as_SELECT_is()
    {
        var (source, destination) = ShardKeys.OnTwoShards("copy-db");
        await using var client = await fixture.ConnectAsync();
        Assert.Equal("+OK", await client.CallAsync("SET", source, "v"));
        Assert.Equal("-ERR DB index is out of range", await client.CallAsync("SELECT", "1"));
        Assert.Equal("-ERR DB index is out of range", await client.CallAsync("COPY", source, destination, "DB", "1"));
        Assert.Equal(":1", await client.CallAsync("COPY", source, destination, "DB", "0"));
        Assert.Equal("\"v\"", await client.CallAsync("GET", destination));
    }

    [Fact]
    public async Task COPY_across_shards_keeps_the_expiry_and_gives_the_copy_its_own_bytes()
    {
        var (source, destination) = ShardKeys.OnTwoShards("copy-bits");
        await using var client = await fixture.ConnectAsync();
        Assert.Equal("+OK", await client.CallAsync("SET", source, "abc", "PX", "100000"));
        Assert.Equal(":1", await client.CallAsync("COPY", source, destination));
        Assert.Equal(":1", await client.CallAsync("SETBIT", source, "7", "0"));
        Assert.Equal("\"abc\"", await client.CallAsync("GET", destination));
        var ttl = long.Parse((await client.CallAsync("PTTL", destination)).TrimStart(':'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ttl, 1, 100000);
    }

    [Fact]
    public async Task A_list_stored_by_SORT_or_COPY_serves_a_blocked_BLPOP()
    {
        var (source, destination) = ShardKeys.OnTwoShards("sort-wake");
        await using var consumer = await fixture.ConnectAsync();
        await using var producer = await fixture.ConnectAsync();
        Assert.Equal(":3", await producer.CallAsync("RPUSH", source, "3", "1", "2"));
        var popped = consumer.CallAsync("BLPOP", destination, "30");
        Assert.False(popped.IsCompleted);
        Assert.Equal(":3", await producer.CallAsync("SORT", source, "STORE", destination));
        Assert.Equal($"[\"{destination}\", \"1\"]", await popped.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(":1", await producer.CallAsync("DEL", destination));
        popped = consumer.CallAsync("BLPOP", destination, "30");
        Assert.Equal(":1", await producer.CallAsync("COPY", source, destination));
        Assert.Equal($"[\"{destination}\", \"3\"]", await popped.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task SORT_reads_BY_and_GET_keys_on_every_shard_and_stores_on_the_destinations()
    {
        await using var client = await fixture.ConnectAsync();
        var prefix = $"sort-{Guid.NewGuid():N}";
        var elements = Enumerable.Range(0, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(":40", await client.CallAsync(["RPUSH", prefix + ":list", .. elements]));
        foreach (var e in elements)
        {
            Assert.Equal("+OK", await client.CallAsync("SET", $"{prefix}:w:{e}", (100 - int.Parse(e, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(":1", await client.CallAsync("HSET", $"{prefix}:h:{e}", "name", "n" + e));
        }
        var shards = elements.Select(e => DataTier.Cache.CacheRouter.ShardOf(System.Text.Encoding.UTF8.GetBytes($"{prefix}:w:{e}"))).Distinct().Count();
        Assert.True(shards > 10, $"the weights are on {shards} shards only");
        Assert.Equal("[\"n39\", \"39\", \"n38\", \"38\"]", await client.CallAsync("SORT", prefix + ":list", "BY", prefix + ":w:*", "LIMIT", "0", "2", "GET", prefix + ":h:*->name", "GET", "#"));
        Assert.Equal(":3", await client.CallAsync("SORT", prefix + ":list", "BY", prefix + ":w:*", "DESC", "LIMIT", "0", "3", "GET", prefix + ":h:*->name", "STORE", prefix + ":out"));
        Assert.Equal("[\"n0\", \"n1\", \"n2\"]", await client.CallAsync("LRANGE", prefix + ":out", "0", "-1"));
    }
}
