using StackExchange.Redis;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>Lua scripts over the wire: keys on one shard only, a runaway script stopped, and StackExchange.Redis' prepared scripts.</summary>
[Collection("cache-wire")]
public sealed class ScriptingTests(CacheSiloFixture fixture)
{
    [Fact]
    public async Task A_script_over_keys_of_several_shards_or_touching_an_undeclared_remote_key_is_refused()
    {
        await using var client = await fixture.ConnectAsync();
        var (a, b) = ShardKeys.OnTwoShards("lua");
        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot",
            await client.CallAsync("EVAL", "return redis.call('MGET', KEYS[1], KEYS[2])", "2", a, b));
        Assert.StartsWith("-ERR Script attempted to access a non local key in a cluster node script: ",
            await client.CallAsync("EVAL", "return redis.call('SET', ARGV[1], 'x')", "1", a, b));
        Assert.Equal("-ERR Script attempted to access a non local key in a cluster node",
            await client.CallAsync("EVAL", "return redis.pcall('SET', ARGV[1], 'x')", "1", a, b));
        Assert.Equal(":0", await client.CallAsync("EXISTS", b));
        Assert.StartsWith("-ERR Error compiling script", await client.CallAsync("EVAL", "return (", "0"));
    }

    [Fact]
    public async Task A_script_that_runs_past_its_time_limit_is_stopped_and_its_shard_serves_again()
    {
        await using var client = await fixture.ConnectAsync();
        var key = $"{{loop}}-{Guid.NewGuid():N}";
        Assert.Equal("-ERR Script killed: it ran longer than its time limit",
            await client.CallAsync("EVAL", "redis.call('SET', KEYS[1], 'before'); while true do end", "1", key));
        Assert.Equal("\"before\"", await client.CallAsync("GET", key));
        Assert.Equal(":7", await client.CallAsync("EVAL", "return 7", "1", key));
    }

    [Fact]
    public async Task StackExchange_Redis_prepared_scripts_run_with_EVALSHA_and_fall_back_to_EVAL()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{fixture.RespPort}");
        var db = redis.GetDatabase();
        var key = $"rate-{Guid.NewGuid():N}";
        var script = LuaScript.Prepare("local n = redis.call('INCR', @key); if n == 1 then redis.call('PEXPIRE', @key, @window) end; return n");
        for (var i = 1; i <= 3; i++)
            Assert.Equal(i, (long)await db.ScriptEvaluateAsync(script, new { key = (RedisKey)key, window = 60_000 }));
        Assert.True((await db.KeyTimeToLiveAsync(key)) > TimeSpan.FromSeconds(50));
        Assert.Equal("ok", (string?)await db.ScriptEvaluateAsync("return 'ok'"));
    }
}
