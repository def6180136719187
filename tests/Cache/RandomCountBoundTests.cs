using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// SRANDMEMBER, ZRANDMEMBER and HRANDFIELD with a negative count repeat members; past 2^24 repeats the cache refuses
/// with Redis' range error instead of building a reply that would take the silo's memory (Redis streams it).
/// </summary>
[Collection("cache-wire")]
public sealed class RandomCountBoundTests(CacheSiloFixture fixture)
{
    private const string Bound = "16777216";

    [Theory]
    [InlineData("SADD", "SRANDMEMBER", "w")]
    [InlineData("ZADD", "ZRANDMEMBER", "1")]
    [InlineData("HSET", "HRANDFIELD", "f")]
    public async Task A_negative_count_past_the_bound_is_out_of_range_and_the_value_stays(string add, string random, string firstArgument)
    {
        var key = $"{{rand-bound}}{random}";
        await using var client = await fixture.ConnectAsync();
        Assert.Equal(add == "SADD" ? ":2" : ":1", await client.CallAsync(add, key, firstArgument, "v"));
        Assert.Equal($"-ERR value is out of range, value must between -{Bound} and 9223372036854775807", await client.CallAsync(random, key, "-16777217"));
        Assert.Equal($"-ERR value is out of range, value must between -{Bound} and 9223372036854775807", await client.CallAsync(random, key, "-9223372036854775807"));
        var three = await client.CallAsync(random, key, "-3");
        Assert.StartsWith("[", three);
        Assert.Equal(3, three.Split(',').Length);
        // As in Redis, an absent key answers an empty array whatever the count.
        Assert.Equal("[]", await client.CallAsync(random, key + "-absent", "-9223372036854775807"));
        Assert.Equal(":1", await client.CallAsync("EXISTS", key));
    }
}
