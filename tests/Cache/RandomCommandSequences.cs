namespace DataTier.Tests.Cache;

/// <summary>
/// Random but reproducible command sequences over a few keys of every type, for comparing the cache with redis-server:
/// templates whose placeholders are filled from small pools, so commands meet each other's keys, types and edge values.
/// </summary>
public static class RandomCommandSequences
{
    private static readonly string[] Templates =
    [
        .. RandomCommandTemplates.StreamGroups, .. RandomCommandTemplates.Geo, .. RandomCommandTemplates.SortedSetRanges,
        .. RandomCommandTemplates.StringsAndExpiry, .. RandomCommandTemplates.Collections,
        "SET {k} {v}", "SET {k} {v} NX", "SET {k} {v} XX GET", "SET {k} {v} KEEPTTL", "GET {k}", "GETSET {k} {v}", "GETDEL {k}", "APPEND {k} {v}",
        "STRLEN {k}", "INCR {k}", "INCRBY {k} {n}", "DECRBY {k} {n}", "INCRBYFLOAT {k} {x}", "GETRANGE {k} {i} {i}", "SETRANGE {k} {u} {v}",
        "SETNX {k} {v}", "MSET {k} {v} {k} {v}", "MGET {k} {k} {k}", "MSETNX {k} {v} {k} {v}", "SETBIT {k} {u} {b}", "GETBIT {k} {u}",
        "BITCOUNT {k}", "BITCOUNT {k} {i} {i}", "BITPOS {k} {b}", "LCS {k} {k}",
        "DEL {k} {k}", "EXISTS {k} {k}", "TYPE {k}", "RENAME {k} {k}", "RENAMENX {k} {k}", "COPY {k} {k}", "COPY {k} {k} REPLACE",
        "EXPIRE {k} 100", "EXPIREAT {k} {at} GT", "EXPIREAT {k} {at} LT", "EXPIREAT {k} {at}", "EXPIRE {k} 100 NX", "EXPIRE {k} 100 XX",
        "PERSIST {k}", "TTL {k}", "EXPIRETIME {k}",
        "OBJECT ENCODING {k}", "DBSIZE",
        "LPUSH {k} {v} {v}", "RPUSH {k} {v}", "LPUSHX {k} {v}", "RPUSHX {k} {v}", "LPOP {k}", "RPOP {k} {c}", "LRANGE {k} {i} {i}",
        "LINDEX {k} {i}", "LSET {k} {i} {v}", "LINSERT {k} BEFORE {v} {v}", "LINSERT {k} AFTER {v} {v}", "LREM {k} {n} {v}", "LTRIM {k} {i} {i}",
        "LLEN {k}", "LPOS {k} {v}", "LPOS {k} {v} RANK {r} COUNT {c}", "LMOVE {k} {k} LEFT RIGHT", "LMOVE {k} {k} RIGHT RIGHT", "RPOPLPUSH {k} {k}",
        "LMPOP 2 {k} {k} LEFT COUNT {c}",
        "HSET {k} {f} {v}", "HSET {k} {f} {v} {f} {v}", "HGET {k} {f}", "HDEL {k} {f} {f}", "HEXISTS {k} {f}", "HLEN {k}", "HINCRBY {k} {f} {n}",
        "HINCRBYFLOAT {k} {f} {x}", "HSETNX {k} {f} {v}", "HGETALL {k}", "HKEYS {k}", "HVALS {k}", "HMGET {k} {f} {f}", "HSTRLEN {k} {f}",
        "SADD {k} {m} {m}", "SADD {k} {u}", "SREM {k} {m}", "SISMEMBER {k} {m}", "SMISMEMBER {k} {m} {m}", "SCARD {k}", "SMEMBERS {k}",
        "SINTER {k} {k}", "SUNION {k} {k}", "SDIFF {k} {k}", "SINTERSTORE {k} {k} {k}", "SUNIONSTORE {k} {k} {k}", "SDIFFSTORE {k} {k} {k}",
        "SMOVE {k} {k} {m}", "SINTERCARD 2 {k} {k}",
        "ZADD {k} {s} {m}", "ZADD {k} {zf} {s} {m} {s} {m}", "ZADD {k} INCR {s} {m}", "ZREM {k} {m}", "ZSCORE {k} {m}", "ZINCRBY {k} {s} {m}",
        "ZCARD {k}", "ZCOUNT {k} {sb} {sb}", "ZRANGE {k} {i} {i}", "ZRANGE {k} {i} {i} WITHSCORES", "ZRANGE {k} {sb} {sb} BYSCORE",
        "ZRANGE {k} {sb} {sb} BYSCORE REV LIMIT {u} {c}", "ZRANGE {k} {lb} {lb} BYLEX", "ZRANK {k} {m}", "ZREVRANK {k} {m}", "ZPOPMIN {k}",
        "ZPOPMAX {k} {c}", "ZLEXCOUNT {k} {lb} {lb}", "ZUNIONSTORE {k} 2 {k} {k}", "ZINTERSTORE {k} 2 {k} {k} WEIGHTS 2 3 AGGREGATE MAX",
        "ZDIFF 2 {k} {k} WITHSCORES", "ZUNION 2 {k} {k} WITHSCORES", "ZMSCORE {k} {m} {m}", "ZREMRANGEBYSCORE {k} {sb} {sb}",
        "ZREMRANGEBYRANK {k} {i} {i}", "ZRANGESTORE {k} {k} 0 -1", "ZRANDMEMBER {k} 0", "ZMPOP 2 {k} {k} MIN",
        "SORT {k}", "SORT {k} ALPHA DESC LIMIT 0 {c}",
        "XADD {k} {id} f {v}", "XADD {k} MAXLEN {c} {id} f {v}", "XLEN {k}", "XRANGE {k} - +", "XREVRANGE {k} + - COUNT {c}", "XDEL {k} {id}",
        "XTRIM {k} MAXLEN {c}", "XTRIM {k} MINID {id}",
        "PFADD {k} {m} {v}", "PFCOUNT {k}", "PFMERGE {k} {k} {k}",
        "GEOADD {k} {lon} {lat} {m}", "GEODIST {k} {m} {m} km", "GEOPOS {k} {m} {m}", "GEOHASH {k} {m}",
        "GETEX {k} PERSIST", "SETEX {k} 100 {v}", "ZINTERCARD 2 {k} {k}", "LPOS {k} {v} MAXLEN {c}", "BITFIELD {k} INCRBY u4 {u} {n} GET i8 0",
        "HRANDFIELD {k} 0", "SRANDMEMBER {k} 0", "OBJECT ENCODING {k}", "OBJECT ENCODING {k}",
    ];

    private static readonly Dictionary<string, string[]> Pools = new()
    {
        ["v"] = ["a", "b", "1", "10", "-2", "3.5", "\"\"", "xyz", "m1"],
        ["x"] = ["1.5", "-0.25", "3", "abc", "1e2", "0"],
        ["n"] = ["-3", "-1", "0", "1", "2", "5", "x"],
        ["i"] = ["-3", "-2", "-1", "0", "1", "2", "3"],
        ["u"] = ["0", "1", "3", "7", "10"],
        ["c"] = ["1", "2", "3"],
        ["r"] = ["1", "-1", "2"],
        ["b"] = ["0", "1"],
        ["f"] = ["f1", "f2", "f3"],
        ["m"] = ["m1", "m2", "m3", "m4", "1"],
        ["s"] = ["1", "2", "2.5", "-1", "0", "inf", "-inf"],
        ["sb"] = ["-inf", "+inf", "1", "(1", "2.5", "(3", "0"],
        ["lb"] = ["-", "+", "[a", "(b", "[m2", "(m1"],
        // Absolute times (in 2100), so that GT and LT compare the same on both servers whenever they run.
        ["at"] = ["4102444800", "4102444900", "4102445000"],
        ["id"] = ["1-1", "1-2", "2-0", "5-5", "0-1", "3"],
        ["lon"] = ["13.361389", "15.087269", "-122.27652"],
        ["lat"] = ["38.115556", "37.502669", "37.80574"],
        ["zf"] = ["NX", "XX", "GT", "LT", "CH", "XX CH", "GT CH"],
        ["zf2"] = ["GT NX", "LT XX CH", "INCR GT", "NX INCR", "XX INCR", "LT", "GT INCR CH", "NX XX"],
        ["g"] = ["g1", "g2"],
        ["cn"] = ["c1", "c2", "c3"],
        ["gid"] = ["0", "$", "1-1", "2-0", "bad"],
        ["xid"] = ["0", "0-0", "1-1", "2-0", "$"],
        ["xs"] = ["0", "-", "1-2", "0-0", "x"],
        ["xr"] = ["-", "+", "(1-1", "2-0", "1"],
        ["rad"] = ["0", "10", "200", "1000", "5000", "-1", "x"],
        ["geo"] = ["", "ASC", "DESC WITHDIST", "WITHCOORD WITHHASH", "COUNT 1", "COUNT 2 ASC WITHDIST", "COUNT 0", "ANY", "COUNT 1 ANY ASC", "WITHDIST WITHCOORD DESC COUNT 3"],
        ["geostore"] = ["", "STOREDIST", "COUNT 1 ASC", "WITHDIST", "COUNT 2 DESC STOREDIST"],
        ["w"] = ["1", "2", "-1", "0", "1.5", "inf", "x"],
        ["agg"] = ["SUM", "MIN", "MAX", "BAD"],
        ["lim"] = ["0", "1", "2", "-1", "x"],
        ["atms"] = ["4102444800000", "4102444900123", "4102445000999"],
        // Relative expiries long enough not to run out during a sequence; GT and LT only meet them through absolute times.
        ["ex"] = ["-1", "0", "x", "200", "300", "9223372036854775807"],
        ["exms"] = ["0", "-5", "x", "200000", "9223372036854775807"],
        ["ef"] = ["NX", "XX"],
        ["eabs"] = ["GT", "LT", "NX", "XX"],
        ["xe"] = ["inf", "-inf", "nan", "1e308", "1.7976931348623157e308", "5e-324", "0.1", "1e17", "-0", "+1.5", "\" 1\"", "1.", ".5", "0x10", "1e", "10.50",
            "3.0000000000000001", "1.23456789012345678", "-1e308"],
        ["bop"] = ["AND", "OR", "XOR", "FOO"],
        ["ovf"] = ["WRAP", "SAT", "FAIL", "BAD"],
        ["rk"] = ["1", "-1", "2", "-2", "0", "x", "-9223372036854775808"],
        // Counts of SRANDMEMBER and ZRANDMEMBER whose reply is not random: none, the whole collection, or an error.
        ["rc"] = ["0", "x", "1000", "-9223372036854775808", "1.5"],
        ["cnt"] = ["0", "1", "2", "-1"],
        ["ml"] = ["0", "1", "3", "-1"],
        // Past the listpack and intset limits (128 entries, 64 bytes, 512 integers), so collections convert as Redis' do.
        ["many"] = [Joined(130, i => $"{i}"), Joined(520, i => $"{i}"), Joined(130, i => $"e{i}")],
        ["manypairs"] = [Joined(130, i => $"f{i} v{i}")],
        ["manyscored"] = [Joined(130, i => $"{i} z{i}")],
        ["long"] = [new string('l', 70), new string('9', 65)],
    };

    private static string Joined(int count, Func<int, string> item) => string.Join(' ', Enumerable.Range(0, count).Select(item));

    /// <summary>The sequence for a seed, over the given keys.</summary>
    public static List<string> Generate(int seed, int count, string[] keys)
    {
        var random = new Random(seed);
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var template = Templates[random.Next(Templates.Length)];
            var line = new System.Text.StringBuilder();
            for (var p = 0; p < template.Length; p++)
            {
                if (template[p] != '{')
                {
                    line.Append(template[p]);
                    continue;
                }
                var end = template.IndexOf('}', p);
                var pool = template[(p + 1)..end];
                line.Append(pool switch
                {
                    "k" => keys[random.Next(keys.Length)],
                    // SORT's BY and GET patterns: the keys' hash tag and the element, so that elements named like keys read them.
                    "p" => keys[0][..(keys[0].IndexOf('}') + 1)] + "*",
                    _ => Pools[pool][random.Next(Pools[pool].Length)],
                });
                p = end;
            }
            lines.Add(line.ToString());
        }
        return lines;
    }
}
