using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>Storing geo searches whose source and destination are on different shards: the same replies and stored sets as redis-server's.</summary>
[Collection("cache-wire")]
public sealed class GeoStoreAcrossShardsTests(CacheSiloFixture fixture)
{
    private const string WrongType = "-WRONGTYPE Operation against a key holding the wrong kind of value";

    [Fact]
    public async Task Stores_across_shards_match_redis_server()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        var (source, destination) = ShardKeys.OnTwoShards("geo-store");
        string[][] steps =
        [
            ["GEOADD", source, "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania", "12.758489", "38.788135", "edge1"],
            ["SET", destination, "string"], ["EXPIRE", destination, "1000"],
            ["GEOSEARCHSTORE", destination, source, "FROMLONLAT", "15", "37", "BYRADIUS", "400", "km", "STOREDIST"],
            ["TTL", destination], ["TYPE", destination], ["ZRANGE", destination, "0", "-1", "WITHSCORES"],
            ["GEORADIUS", source, "15", "37", "200", "km", "STORE", destination, "COUNT", "1"], ["ZRANGE", destination, "0", "-1", "WITHSCORES"],
            ["GEORADIUSBYMEMBER", source, "Palermo", "500", "mi", "STOREDIST", destination, "DESC"], ["ZRANGE", destination, "0", "-1", "WITHSCORES"],
            ["GEOSEARCHSTORE", destination, source, "FROMMEMBER", "nope", "BYRADIUS", "1", "km"], ["EXISTS", destination],
            ["GEOSEARCHSTORE", destination, source, "FROMLONLAT", "0", "0", "BYBOX", "1", "1", "km"], ["EXISTS", destination],
            ["SET", destination, "again"], ["GEORADIUS", source + "-absent", "0", "0", "1", "km", "STORE", destination], ["EXISTS", destination],
            ["GEORADIUS", destination, "0", "0", "1", "km", "STORE", source], ["GEOSEARCHSTORE", source, destination, "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km"],
            ["GEORADIUS", source, "15", "37", "200", "km", "STORE", destination, "WITHDIST"], ["ZCARD", source],
        ];
        foreach (var step in steps)
        {
            var expected = await theirs.CallAsync(step);
            Assert.True(expected == await ours.CallAsync(step), $"{string.Join(' ', step)}: redis {expected}");
        }
    }

    [Fact]
    public async Task Transactions_and_scripts_count_the_store_key_as_one_of_their_keys()
    {
        await using var client = await fixture.ConnectAsync();
        var (source, destination) = ShardKeys.OnTwoShards("geo-keys");
        Assert.Equal(":1", await client.CallAsync("GEOADD", source, "1", "1", "a"));
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("GEORADIUS", source, "1", "1", "1", "km", "STORE", destination));
        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot", await client.CallAsync("EXEC"));
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("GEOSEARCHSTORE", destination, source, "FROMLONLAT", "1", "1", "BYRADIUS", "1", "km"));
        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot", await client.CallAsync("EXEC"));
        Assert.StartsWith("-ERR Script attempted to access a non local key in a cluster node script: ",
            await client.CallAsync("EVAL", "return redis.call('GEORADIUSBYMEMBER', KEYS[1], 'a', 1, 'km', 'STOREDIST', ARGV[1])", "1", source, destination));
        Assert.Equal(":0", await client.CallAsync("EXISTS", destination));
        Assert.Equal(":1", await client.CallAsync("GEORADIUSBYMEMBER", source, "a", "1", "km", "STOREDIST", destination));
        Assert.Equal("[\"a\", \"0\"]", await client.CallAsync("ZRANGE", destination, "0", "-1", "WITHSCORES"));
        Assert.Equal("+OK", await client.CallAsync("SET", source, "x"));
        Assert.Equal(WrongType, await client.CallAsync("GEORADIUS", source, "1", "1", "1", "km", "STORE", destination));
    }
}
