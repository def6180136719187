using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>HyperLogLogs built the same way in the cache and in a real redis-server 7.0 must hold the same bytes and counts.</summary>
[Collection("cache-wire")]
public sealed class HyperLogLogWireTests(CacheSiloFixture fixture)
{
    private static async Task AddAsync(RespTestClient client, string key, IEnumerable<string> elements)
    {
        foreach (var batch in elements.Chunk(1000))
        {
            var reply = await client.CallAsync(["PFADD", key, .. batch]);
            Assert.True(reply is ":0" or ":1", reply);
        }
    }

    private static List<string> RandomElements(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Convert.ToHexString(BitConverter.GetBytes(random.NextInt64())) + random.Next(1000)).ToList();
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(100_000)]
    public async Task Pfcount_of_a_large_random_set_equals_redis_server(int size)
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        var key = $"hll-random-{size}-{Guid.NewGuid():N}";
        var elements = RandomElements(size, seed: size);
        await AddAsync(ours, key, elements);
        await AddAsync(theirs, key, elements);

        var expected = await theirs.CallAsync("PFCOUNT", key);
        Assert.Equal(expected, await ours.CallAsync("PFCOUNT", key));
        Assert.InRange(long.Parse(expected.TrimStart(':'), System.Globalization.CultureInfo.InvariantCulture), size * 0.97, size * 1.03);
        Assert.Equal(await theirs.CallAsync("GET", key), await ours.CallAsync("GET", key));
    }

    [Fact]
    public async Task Pfmerge_and_pfcount_combine_keys_on_different_shards()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        var (dense, sparse) = ShardKeys.OnTwoShards("hll-merge");
        var (destination, other) = ShardKeys.OnTwoShards("hll-dest");
        foreach (var client in new[] { ours, theirs })
        {
            await AddAsync(client, dense, Enumerable.Range(0, 5000).Select(i => $"d{i}"));
            await AddAsync(client, sparse, Enumerable.Range(0, 300).Select(i => $"s{i}"));
            await AddAsync(client, destination, ["already", "here"]);
            Assert.Equal(":1", await client.CallAsync("EXPIRE", destination, "1000"));
        }
        var denseBefore = await ours.CallAsync("GET", dense);

        var union = await theirs.CallAsync("PFCOUNT", dense, sparse, "absent");
        Assert.Equal(union, await ours.CallAsync("PFCOUNT", dense, sparse, "absent"));
        Assert.Equal(denseBefore, await ours.CallAsync("GET", dense));

        Assert.Equal("+OK", await theirs.CallAsync("PFMERGE", destination, sparse, dense));
        Assert.Equal("+OK", await ours.CallAsync("PFMERGE", destination, sparse, dense));
        Assert.Equal(await theirs.CallAsync("GET", destination), await ours.CallAsync("GET", destination));
        Assert.Equal(await theirs.CallAsync("PFCOUNT", destination), await ours.CallAsync("PFCOUNT", destination));
        Assert.Matches("^:(999|1000)$", await ours.CallAsync("TTL", destination));

        Assert.Equal("+OK", await theirs.CallAsync("PFMERGE", other, sparse));
        Assert.Equal("+OK", await ours.CallAsync("PFMERGE", other, sparse));
        Assert.Equal(await theirs.CallAsync("GET", other), await ours.CallAsync("GET", other));

        Assert.Equal(":1", await ours.CallAsync("DEL", other));
        Assert.Equal(":1", await ours.CallAsync("HSET", other, "f", "v"));
        Assert.Equal("-WRONGTYPE Operation against a key holding the wrong kind of value", await ours.CallAsync("PFCOUNT", dense, other));
        Assert.Equal("-WRONGTYPE Operation against a key holding the wrong kind of value", await ours.CallAsync("PFMERGE", destination, dense, other));
        Assert.Equal("+OK", await ours.CallAsync("SET", other, "plain"));
        Assert.Equal("-WRONGTYPE Key is not a valid HyperLogLog string value.", await ours.CallAsync("PFMERGE", dense, other));
    }
}
