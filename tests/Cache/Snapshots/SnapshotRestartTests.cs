using DataTier.Tests.Cache.Memcached;
using DataTier.Tests.Wire;
using Xunit;
using Xunit.Abstractions;

namespace DataTier.Tests.Cache.Snapshots;

/// <summary>A silo process restarted after SAVE gets its cache back as saved; without a snapshot it starts empty.</summary>
public class SnapshotRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Keys_saved_before_a_restart_come_back_and_later_ones_do_not()
    {
        await SiloProcessRun.RunAsync(output, "snapshot", async silo =>
        {
            await using (var redis = await RespTestClient.ConnectAsync(silo.RespPort))
            {
                Assert.Equal(":0", await redis.CallAsync("DBSIZE"));
                for (var i = 0; i < 300; i++) Assert.Equal("+OK", await redis.CallAsync("SET", $"s{i}", $"value-{i}"));
                Assert.Equal(":2", await redis.CallAsync("HSET", "h", "f1", "a", "f2", "b"));
                Assert.Equal(":2", await redis.CallAsync("ZADD", "z", "1.5", "one", "2.5", "two"));
                Assert.Equal(":3", await redis.CallAsync("RPUSH", "l", "first", "second", "third"));
                Assert.Equal(":2", await redis.CallAsync("SADD", "members", "ann", "bob"));
                Assert.Equal("+OK", await redis.CallAsync("SET", "ttl", "x", "EX", "3600"));
                var before = await redis.CallAsync("LASTSAVE");
                Assert.Equal("+OK", await redis.CallAsync("SAVE"));
                Assert.True(long.Parse(before[1..]) <= long.Parse((await redis.CallAsync("LASTSAVE"))[1..]));
                Assert.Equal("+OK", await redis.CallAsync("SET", "after-save", "lost"));
            }
            using (var mc = new MemcachedTextClient(silo.MemcachedPort))
            {
                Assert.Equal("STORED", mc.Call("set flagged 77 0 2\r\nok\r\n"));
            }
            await using (var redis = await RespTestClient.ConnectAsync(silo.RespPort))
                Assert.Equal("+Background saving started", await redis.CallAsync("BGSAVE"));
            await using (var redis = await RespTestClient.ConnectAsync(silo.RespPort))
            {
                // BGSAVE has saved once LASTSAVE moves; a SAVE afterwards makes sure it is done before the stop.
                Assert.Equal("+OK", await redis.CallAsync("SAVE"));
                Assert.Equal("+OK", await redis.CallAsync("SET", "after-second-save", "lost"));
            }
            await silo.StopAsync();
            await silo.StartAsync();

            await using (var redis = await RespTestClient.ConnectAsync(silo.RespPort))
            {
                Assert.Equal(":307", await redis.CallAsync("DBSIZE"));
                Assert.Equal("[\"first\", \"second\", \"third\"]", await redis.CallAsync("LRANGE", "l", "0", "-1"));
                Assert.Equal(":1", await redis.CallAsync("SISMEMBER", "members", "bob"));
                Assert.Equal(":2", await redis.CallAsync("SCARD", "members"));
                Assert.Equal("\"value-42\"", await redis.CallAsync("GET", "s42"));
                Assert.Equal("[\"f1\", \"a\", \"f2\", \"b\"]", await redis.CallAsync("HGETALL", "h"));
                Assert.Equal("[\"one\", \"1.5\", \"two\", \"2.5\"]", await redis.CallAsync("ZRANGE", "z", "0", "-1", "WITHSCORES"));
                Assert.InRange(long.Parse((await redis.CallAsync("TTL", "ttl"))[1..]), 3000, 3600);
                Assert.Equal("\"lost\"", await redis.CallAsync("GET", "after-save"));
                Assert.Equal("(nil)", await redis.CallAsync("GET", "after-second-save"));
            }
            using (var mc = new MemcachedTextClient(silo.MemcachedPort))
                Assert.Equal(["VALUE flagged 77 2", "ok"], mc.Retrieve("get flagged\r\n"));
            await silo.StopAsync();
        });
    }
}
