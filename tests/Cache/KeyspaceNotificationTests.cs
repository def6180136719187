using DataTier.Silo.Resp;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// Keyspace notifications against a real redis-server: the same commands on both, with a client subscribed to every
/// keyspace and keyevent channel on each; the messages each subscriber gets must be the same, in the same order.
/// </summary>
[Collection("cache-wire")]
public sealed class KeyspaceNotificationTests(CacheSiloFixture fixture)
{
    public static TheoryData<string, string> Scripts() => new()
    {
        { "KEA", "strings" }, { "KEA", "keys" }, { "KEA", "lists" }, { "KEA", "hashes" }, { "KEA", "sets" },
        { "KEA", "sorted-sets" }, { "KEA", "streams" }, { "KEA", "stores" }, { "KEAn", "strings" }, { "Kl", "lists" },
        { "Eg$", "keys" }, { "Ez", "sorted-sets" },
        { "KEAn", "dump-and-restore" }, { "KEAm", "strings" }, { "Em", "hashes" }, { "Km", "lists" }, { "Em", "sets" }, { "Km", "sorted-sets" }, { "Em", "streams" },
    };

    private static readonly Dictionary<string, string[]> Lines = new()
    {
        ["strings"] =
        [
            "SET a 1", "SET a 2 EX 100", "GETEX a PERSIST", "GETEX a PERSIST", "GETEX a PX 100000", "SET a 3 KEEPTTL", "SET a 4 NX", "SET b 5 XX",
            "SETNX a 6", "SETNX c 7", "SETEX d 100 v", "PSETEX d 100000 w", "GETSET d x", "MSET e 1 f 2", "MSETNX e 1 g 2", "MSETNX g 1 h 2",
            "INCR n", "INCRBY n 5", "DECR n", "DECRBY n 2", "INCRBYFLOAT n 1.5", "APPEND s abc", "APPEND s def", "SETRANGE s 1 zz", "SETRANGE s 0 \"\"",
            "SETBIT bits 3 1", "SETBIT bits 3 1", "BITFIELD bf SET u8 0 200", "BITFIELD bf GET u8 0", "BITFIELD bf OVERFLOW FAIL INCRBY u8 0 100",
            "PFADD h a b", "PFADD h a", "PFCOUNT h", "GETDEL a", "GETDEL a", "INCR s", "SET a 1 GET", "GET missing",
        ],
        ["keys"] =
        [
            "SET a 1", "SET b 2", "DEL a b c", "SET a 1", "EXPIRE a 100", "EXPIRE a 100 NX", "PEXPIRE a 100000 XX", "EXPIREAT a 99999999999",
            "PERSIST a", "PERSIST a", "EXPIRE a -1", "SET {k}a 1", "RENAME {k}a {k}b", "RENAMENX {k}b {k}c", "SET {k}d 1", "RENAMENX {k}c {k}d", "RENAME {k}c {k}c",
            "COPY {k}c {k}e", "COPY {k}c {k}e", "COPY {k}c {k}e REPLACE", "UNLINK {k}c {k}d {k}e", "SET x 1", "PEXPIREAT x 1", "EXISTS x", "FLUSHALL",
        ],
        ["lists"] =
        [
            "LPUSH l a b c", "RPUSH l d", "LPUSHX nolist a", "RPUSHX l e", "LPOP l", "RPOP l 2", "LSET l 0 z", "LINSERT l BEFORE z y",
            "LINSERT l BEFORE nothere q", "LREM l 0 nothere", "LREM l 1 y", "LTRIM l 0 0", "LPUSH {l}2 a", "LMOVE {l}2 {l}3 LEFT RIGHT",
            "RPOPLPUSH {l}3 {l}3", "LMOVE {l}3 {l}4 LEFT LEFT", "LPOP l 10", "RPUSH m a b c", "LTRIM m 5 10", "LMPOP 1 m LEFT", "RPUSH m a",
            "LMPOP 2 nolist m RIGHT COUNT 5", "RPUSH b1 a", "BLPOP b1 0", "RPUSH q 3 1 2", "SORT q STORE q2", "SORT nolist STORE q2",
        ],
        ["hashes"] =
        [
            "HSET h a 1 b 2", "HSET h a 1", "HMSET h c 3", "HSETNX h a 9", "HSETNX h z 9", "HINCRBY h n 2", "HINCRBYFLOAT h f 1.5",
            "HDEL h nothere", "HDEL h a b", "HDEL h c z n f", "HGET h a",
        ],
        ["sets"] =
        [
            "SADD s a b c", "SADD s a", "SREM s nothere", "SREM s a", "SPOP s", "SADD s x y z", "SPOP s 10", "SADD s a b", "SMOVE s t a",
            "SMOVE s t b", "SMOVE t t b", "SADD u a c", "SINTERSTORE v t u", "SUNIONSTORE v t u", "SDIFFSTORE v t t", "SDIFFSTORE v t t",
        ],
        ["sorted-sets"] =
        [
            "ZADD z 1 a 2 b 3 c", "ZADD z 1 a", "ZADD z CH 5 a", "ZADD z INCR 1 a", "ZADD z GT 0 a", "ZADD z NX 9 a", "ZINCRBY z 2 b",
            "ZREM z nothere", "ZREM z c", "ZADD z 7 c 8 d 9 e", "ZREMRANGEBYRANK z 0 0", "ZREMRANGEBYSCORE z 100 200", "ZREMRANGEBYSCORE z 8 8",
            "ZREMRANGEBYLEX z [a [a", "ZPOPMIN z", "ZPOPMAX z 2", "ZADD y 1 a", "ZPOPMIN y 5", "ZADD y 1 a 2 b", "ZRANGESTORE w y 0 0",
            "ZRANGESTORE w y 5 6", "ZADD x 1 b", "ZUNIONSTORE u 2 x y", "ZINTERSTORE u 2 x y", "ZDIFFSTORE u 2 x y", "ZDIFFSTORE u 1 x x",
            "ZMPOP 1 y MIN", "BZPOPMAX y 0", "GEOADD g 13.361389 38.115556 Palermo", "GEOSEARCHSTORE gs g FROMLONLAT 15 37 BYRADIUS 200 km ASC",
            "GEORADIUS g 15 37 200 km STORE gr",
        ],
        ["streams"] =
        [
            "XADD x 1-1 a 1", "XADD x 2-1 b 2", "XADD x MAXLEN 1 3-1 c 3", "XADD x NOMKSTREAM 4-1 d 4", "XADD nostream NOMKSTREAM * a 1",
            "XDEL x 1-1", "XDEL x 3-1", "XTRIM x MAXLEN 10", "XADD x 5-1 e 5", "XTRIM x MAXLEN 1", "XSETID x 9-9", "XGROUP CREATE x g $",
            "XGROUP CREATE y g $ MKSTREAM", "XGROUP CREATECONSUMER x g c1", "XGROUP CREATECONSUMER x g c1", "XADD x 10-1 f 6",
            "XREADGROUP GROUP g c2 COUNT 1 STREAMS x >", "XCLAIM x g c3 0 10-1", "XAUTOCLAIM x g c4 0 0", "XGROUP DELCONSUMER x g nobody",
            "XGROUP DELCONSUMER x g c1", "XGROUP SETID x g 0", "XGROUP DESTROY x g", "XGROUP DESTROY x g", "XACK x g 10-1",
        ],
        ["dump-and-restore"] =
        [
            // DUMPTO src dst [options]: DUMP src, then RESTORE dst with that payload and the options.
            "SET a 1", "RPUSH l x y", "DUMPTO a b 0", "DUMPTO a b 0", "DUMPTO a b 0 REPLACE", "DUMPTO l b 0 REPLACE", "DUMPTO a c 1 ABSTTL",
            "DUMPTO a b 1 ABSTTL REPLACE", "DUMPTO a d 100000",
        ],
        ["stores"] =
        [
            // Keys on several shards: the cache combines them in the session and stores on the destination's shard.
            "SADD {a}s 1 2", "SADD {b}s 2 3", "SUNIONSTORE {c}s {a}s {b}s", "SINTERSTORE {c}s {a}s {b}s", "SDIFFSTORE {c}s {a}s {a}s",
            "ZADD {a}z 1 a", "ZADD {b}z 2 b", "ZUNIONSTORE {c}z 2 {a}z {b}z", "ZRANGESTORE {d}z {a}z 0 -1", "SET {a}k 1", "RENAME {a}k {b}k",
            "COPY {b}k {c}k", "SET {a}bits x", "BITOP NOT {c}bits {a}bits", "PFADD {a}h x", "PFMERGE {c}h {a}h", "RPUSH {a}l 2 1", "SORT {a}l STORE {c}l",
        ],
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Subscribers_get_the_events_redis_sends(string classes, string script)
    {
        var ours = await RunAsync(fixture.RespPort, classes, script);
        var theirs = await RunAsync(fixture.Redis.Port, classes, script);
        // Events of keys on different shards reach subscribers in the order their shards raised them, not the commands'.
        if (script == "stores")
        {
            ours.Sort(StringComparer.Ordinal);
            theirs.Sort(StringComparer.Ordinal);
        }
        Assert.Equal(string.Join("\n", theirs), string.Join("\n", ours));
    }

    [Fact]
    public async Task A_key_that_expires_raises_expired_from_the_active_expiry_and_from_a_lookup()
    {
        await using var commands = await fixture.ConnectAsync();
        await using var subscriber = await fixture.ConnectAsync();
        Assert.Equal("[\"subscribe\", \"__keyevent@0__:expired\", :1]", await subscriber.CallAsync("SUBSCRIBE", "__keyevent@0__:expired"));
        Assert.Equal("+OK", await commands.CallAsync("CONFIG", "SET", "notify-keyspace-events", "Ex"));
        try
        {
            Assert.Equal("[\"notify-keyspace-events\", \"xE\"]", await commands.CallAsync("CONFIG", "GET", "notify-keyspace-events"));
            Assert.Equal("+OK", await commands.CallAsync("SET", "expiring-swept", "v", "PX", "1"));
            // Nobody reads this key: the active expiry finds it.
            Assert.Equal("[\"message\", \"__keyevent@0__:expired\", \"expiring-swept\"]", await subscriber.ReadAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        }
        finally
        {
            await commands.CallAsync("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }

    [Fact]
    public async Task CONFIG_SET_reads_and_shows_the_classes_as_redis_does()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        try
        {
            foreach (var classes in new[] { "KEA", "Kgx", "g$lshzxetdKEmn", "AKEnm", "Q", "KE", "x", "" })
            {
                Assert.Equal(await theirs.CallAsync("CONFIG", "SET", "notify-keyspace-events", classes), await ours.CallAsync("CONFIG", "SET", "notify-keyspace-events", classes));
                Assert.Equal(await theirs.CallAsync("CONFIG", "GET", "notify-keyspace-events"), await ours.CallAsync("CONFIG", "GET", "notify-keyspace-events"));
            }
        }
        finally
        {
            await ours.CallAsync("CONFIG", "SET", "notify-keyspace-events", "");
            await theirs.CallAsync("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }

    /// <summary>Runs the script with the classes on, then SET of an end marker, and returns what the subscriber got up to the marker.</summary>
    private static async Task<List<string>> RunAsync(int port, string classes, string script)
    {
        await using var commands = await RespTestClient.ConnectAsync(port);
        await using var subscriber = await RespTestClient.ConnectAsync(port);
        Assert.Equal("+OK", await commands.CallAsync("FLUSHALL"));
        Assert.Equal("[\"psubscribe\", \"__key*__:*\", :1]", await subscriber.CallAsync("PSUBSCRIBE", "__key*__:*"));
        try
        {
            Assert.Equal("+OK", await commands.CallAsync("CONFIG", "SET", "notify-keyspace-events", classes + "K$"));
            foreach (var line in Lines[script])
            {
                Assert.True(InlineSplitter.TrySplit(System.Text.Encoding.UTF8.GetBytes(line), out var parts), line);
                if (line.StartsWith("DUMPTO ", StringComparison.Ordinal))
                {
                    var payload = (await commands.CallForBytesAsync("DUMP"u8.ToArray(), parts[1]))!;
                    await commands.CallAsync(["RESTORE"u8.ToArray(), parts[2], parts[3], payload, .. parts[4..]]);
                    continue;
                }
                await commands.CallAsync([.. parts]);
            }
            Assert.Equal("+OK", await commands.CallAsync("SET", "__end__", "1"));
        }
        finally
        {
            await commands.CallAsync("CONFIG", "SET", "notify-keyspace-events", "");
        }
        var received = new List<string>();
        while (true)
        {
            var message = await subscriber.ReadAsync().WaitAsync(TimeSpan.FromSeconds(10));
            if (message.Contains("__keyspace@0__:__end__", StringComparison.Ordinal)) break;
            received.Add(message);
        }
        return received;
    }
}
