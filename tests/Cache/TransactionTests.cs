using StackExchange.Redis;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>MULTI/EXEC with WATCH over the wire: optimistic locking holds under contention; keys on several shards are refused.</summary>
[Collection("cache-wire")]
public sealed class TransactionTests(CacheSiloFixture fixture)
{
    [Fact]
    public async Task Concurrent_read_modify_write_loops_with_WATCH_lose_no_increment()
    {
        var key = $"{{counter}}-{Guid.NewGuid():N}";
        const int perClient = 40;
        async Task Incrementer()
        {
            await using var client = await fixture.ConnectAsync();
            for (var done = 0; done < perClient;)
            {
                Assert.Equal("+OK", await client.CallAsync("WATCH", key));
                var current = await client.CallAsync("GET", key);
                var value = current == "(nil)" ? 0 : int.Parse(current.Trim('"'));
                Assert.Equal("+OK", await client.CallAsync("MULTI"));
                Assert.Equal("+QUEUED", await client.CallAsync("SET", key, (value + 1).ToString()));
                var result = await client.CallAsync("EXEC");
                // An aborted EXEC (another client wrote the key after this one's WATCH) is retried.
                if (result == "(nil array)") continue;
                Assert.Equal("[+OK]", result);
                done++;
            }
        }
        await Task.WhenAll(Incrementer(), Incrementer(), Incrementer());
        await using var reader = await fixture.ConnectAsync();
        Assert.Equal($"\"{3 * perClient}\"", await reader.CallAsync("GET", key));
    }

    [Fact]
    public async Task A_transaction_over_keys_of_several_shards_is_refused_and_nothing_runs()
    {
        await using var client = await fixture.ConnectAsync();
        var (a, b) = ShardKeys.OnTwoShards("tx");
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("SET", a, "1"));
        Assert.Equal("+QUEUED", await client.CallAsync("SET", b, "2"));
        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot", await client.CallAsync("EXEC"));
        Assert.Equal(":0", await client.CallAsync("EXISTS", a, b));
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("-ERR Command not allowed inside a transaction", await client.CallAsync("KEYS", "*"));
        Assert.StartsWith("-EXECABORT", await client.CallAsync("EXEC"));
    }

    [Fact]
    public async Task A_script_in_a_transaction_runs_on_the_transaction_s_shard_in_its_turn()
    {
        await using var client = await fixture.ConnectAsync();
        var (a, b) = ShardKeys.OnTwoShards("txeval");
        const string Append = "return redis.call('APPEND', KEYS[1], ARGV[1])";
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("SET", a, "x"));
        Assert.Equal("+QUEUED", await client.CallAsync("EVAL", Append, "1", a, "y"));
        Assert.Equal("+QUEUED", await client.CallAsync("APPEND", a, "z"));
        Assert.Equal("[+OK, :2, :3]", await client.CallAsync("EXEC"));
        Assert.Equal("\"xyz\"", await client.CallAsync("GET", a));

        // A script's declared keys count toward the transaction's shard, as any command's keys do.
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("SET", a, "1"));
        Assert.Equal("+QUEUED", await client.CallAsync("EVAL", Append, "1", b, "2"));
        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot", await client.CallAsync("EXEC"));
        Assert.Equal("\"xyz\"", await client.CallAsync("GET", a));
        Assert.Equal(":0", await client.CallAsync("EXISTS", b));

        // And a key it did not declare is refused inside the script, as outside a transaction.
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("EVAL", "return redis.call('SET', ARGV[1], 'x')", "1", a, b));
        Assert.StartsWith("[-ERR Script attempted to access a non local key in a cluster node script: ", await client.CallAsync("EXEC"));
        Assert.Equal(":0", await client.CallAsync("EXISTS", b));
    }

    [Fact]
    public async Task Stream_reads_in_a_transaction_or_a_script_stay_on_one_shard()
    {
        await using var client = await fixture.ConnectAsync();
        var (a, b) = ShardKeys.OnTwoShards("txstream");
        Assert.StartsWith("\"", await client.CallAsync("XADD", a, "*", "f", "v"));
        Assert.StartsWith("\"", await client.CallAsync("XADD", b, "*", "f", "v"));
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("XREAD", "STREAMS", a, b, "0", "0"));
        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot", await client.CallAsync("EXEC"));
        Assert.StartsWith("-ERR Script attempted to access a non local key in a cluster node script: ",
            await client.CallAsync("EVAL", "return redis.call('XREAD', 'STREAMS', KEYS[1], ARGV[1], '0', '0')", "1", a, b));
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("XGROUP", "CREATE", a, "g", "0"));
        Assert.Equal("+QUEUED", await client.CallAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", a, ">"));
        var exec = await client.CallAsync("EXEC");
        Assert.StartsWith("[+OK, [[\"" + a + "\", [[", exec);
    }

    [Fact]
    public async Task StackExchange_Redis_transactions_with_conditions_commit_only_when_the_condition_holds()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{fixture.RespPort}");
        var db = redis.GetDatabase();
        var key = $"{{lock}}-{Guid.NewGuid():N}";
        var first = db.CreateTransaction();
        first.AddCondition(Condition.KeyNotExists(key));
        _ = first.StringSetAsync(key, "owner-1");
        _ = first.StringSetAsync(key + ":since", "now");
        Assert.True(await first.ExecuteAsync());
        var second = db.CreateTransaction();
        second.AddCondition(Condition.KeyNotExists(key));
        _ = second.StringSetAsync(key, "owner-2");
        Assert.False(await second.ExecuteAsync());
        Assert.Equal("owner-1", (string?)await db.StringGetAsync(key));
        var release = db.CreateTransaction();
        release.AddCondition(Condition.StringEqual(key, "owner-1"));
        _ = release.KeyDeleteAsync(key);
        Assert.True(await release.ExecuteAsync());
        Assert.False(await db.KeyExistsAsync(key));
    }

    [Fact]
    public async Task StackExchange_Redis_locks_are_taken_extended_and_released_by_their_owner_only()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{fixture.RespPort}");
        var db = redis.GetDatabase();
        var key = $"lock-{Guid.NewGuid():N}";
        Assert.True(await db.LockTakeAsync(key, "owner-1", TimeSpan.FromMinutes(1)));
        Assert.False(await db.LockTakeAsync(key, "owner-2", TimeSpan.FromMinutes(1)));
        Assert.True(await db.LockExtendAsync(key, "owner-1", TimeSpan.FromMinutes(2)));
        Assert.False(await db.LockReleaseAsync(key, "owner-2"));
        Assert.Equal("owner-1", (string?)await db.LockQueryAsync(key));
        Assert.True(await db.LockReleaseAsync(key, "owner-1"));
        Assert.False(await db.KeyExistsAsync(key));
    }
}
