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
}
