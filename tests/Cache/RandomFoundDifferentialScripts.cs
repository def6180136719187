namespace DataTier.Tests.Cache;

/// <summary>
/// Scripts for <see cref="DifferentialScripts"/> of the deviations <see cref="RandomDifferentialTests"/> found, each
/// reply compared with redis-server's: which error comes first, when a consumer comes to be, long-double increments.
/// </summary>
public static class RandomFoundDifferentialScripts
{
    /// <summary>Redis reads some commands' arguments before the key's type and group, others after: the first error is the one it meets first.</summary>
    public static readonly string[] StreamErrorOrder =
    [
        "SET str x", "XADD s 1-1 f v", "XGROUP CREATE s g 0",
        "XGROUP CREATE str g 0 ENTRIESREAD -3", "XGROUP SETID str g 0 ENTRIESREAD x", "XGROUP CREATE str g 0 FOO", "XGROUP CREATE str g 0",
        "XAUTOCLAIM str g c 0 x", "XAUTOCLAIM str g c 0 0 COUNT 0", "XAUTOCLAIM str g c x 0", "XAUTOCLAIM str g c 0 0 FOO", "XAUTOCLAIM nokey g c 0 0 COUNT -1",
        "XAUTOCLAIM s g c 0 0 COUNT x", "XAUTOCLAIM s g c 0 0 COUNT 576460752303423488", "XAUTOCLAIM s g c 0 0 COUNT 922337203685477581", "XAUTOCLAIM str g c 0 0",
        "XCLAIM s nog c x 1-1", "XCLAIM nokey g c x 1-1", "XCLAIM str g c x 1-1", "XCLAIM s g c x 1-1",
        "XREADGROUP GROUP g c STREAMS str $", "XREADGROUP GROUP nog c STREAMS s $", "XREADGROUP GROUP g c STREAMS nokey bad", "XREADGROUP GROUP g c STREAMS s $",
        "XREADGROUP GROUP g c STREAMS s str > $", "XREADGROUP GROUP g c STREAMS s str bad >", "XREADGROUP GROUP g c STREAMS s s > $",
        "XREAD STREAMS str bad", "XREAD STREAMS str >", "XREAD STREAMS s str bad 0", "XREAD STREAMS s str 0 bad", "XREAD STREAMS nokey bad", "XREAD STREAMS s >",
        "XINFO CONSUMERS s g",
    ];

    /// <summary>Redis 7.0 makes a consumer only when a read or claim has something for it (an empty read, a claim of nothing, do not).</summary>
    public static readonly string[] StreamConsumerCreation =
    [
        "XGROUP CREATE s g $ MKSTREAM", "XREADGROUP GROUP g c1 STREAMS s >", "XREADGROUP GROUP g c1 NOACK STREAMS s >", "XINFO GROUPS s",
        "XCLAIM s g c2 0 1-1", "XCLAIM s g c2 0 1-1 FORCE JUSTID", "XAUTOCLAIM s g c3 0 0", "XINFO GROUPS s",
        "XGROUP CREATECONSUMER s g c1", "XGROUP CREATECONSUMER s g c2", "XGROUP CREATECONSUMER s g c3",
        "XADD s 1-1 f v", "XADD s 2-1 f v", "XREADGROUP GROUP g c4 COUNT 1 STREAMS s 0", "XGROUP CREATECONSUMER s g c4",
        "XREADGROUP GROUP g c5 COUNT 1 STREAMS s >", "XGROUP CREATECONSUMER s g c5", "XINFO GROUPS s",
        // FORCE claims an entry no one has (delivered once, and once more unless JUSTID) whatever the idle time asked
        "XCLAIM s g c6 99999999 2-1 FORCE JUSTID", "XPENDING s g - + 10 c6", "XCLAIM s g c7 0 1-1 RETRYCOUNT 5 JUSTID", "XPENDING s g - + 10 c7",
        "XGROUP CREATE t g $ MKSTREAM", "XADD t 1-1 f v", "XCLAIM t g c 0 1-1 FORCE", "XPENDING t g - + 10 c", "XAUTOCLAIM t g d 99999999 0", "XGROUP CREATECONSUMER t g d",
        // a history read answers the entries after the ID given; the greatest ID stands for ">"
        "XADD u 1-1 f v", "XADD u 2-1 f v", "XGROUP CREATE u g 0", "XREADGROUP GROUP g c COUNT 1 STREAMS u >", "XREADGROUP GROUP g c STREAMS u 1-1",
        "XREADGROUP GROUP g c STREAMS u 0-0", "XREADGROUP GROUP g d STREAMS u u > 1-1", "XREADGROUP GROUP g d STREAMS u 18446744073709551615-18446744073709551615",
        "XADD u 3-1 f v", "XREADGROUP GROUP g e STREAMS u 18446744073709551615-18446744073709551615", "XREADGROUP GROUP g e STREAMS u 2-1",
    ];

    /// <summary>Counts and ranks at -2^63: refused by the random picks before the key is read; LPOS' RANK negated into itself.</summary>
    public static readonly string[] CountAndRankEdges =
    [
        "SRANDMEMBER nokey -9223372036854775808", "SADD s a b", "SRANDMEMBER s -9223372036854775808", "SRANDMEMBER s -9223372036854775807x",
        "RPUSH l a b a a", "LPOS l a RANK -9223372036854775808", "LPOS l a RANK -9223372036854775808 COUNT 1", "LPOS l a RANK -9223372036854775808 COUNT 0",
        "LPOS l a RANK -9223372036854775808 COUNT 2 MAXLEN 2", "LPOS l b RANK -9223372036854775808", "LPOS l a RANK -9223372036854775808 COUNT -1",
        "LPOS l a RANK -9223372036854775808 MAXLEN -1", "LPOS nokey a RANK -9223372036854775808", "LPOS l a RANK -9223372036854775807 COUNT 3",
        // GETEX reads its expiry's value only after finding the key a string
        "GETEX nokey EX x", "GETEX nokey EX -1", "GETEX nokey PXAT 9223372036854775807", "GETEX s EX x", "GETEX s EX 0", "SET k v", "GETEX k EX x", "GETEX k EX -1",
        "GETEX k EXAT 0", "GETEX k EX 9223372036854775807", "GETEX k FOO", "GETEX nokey FOO", "GETEX s FOO", "SET k v EX x", "SET k v EX 0",
    ];

    /// <summary>SORT reads weights with strtod, as C strings: up to a zero byte (SETRANGE's padding), so "\0" + "3.5" weighs 0.</summary>
    public static readonly string[] SortWeightsAsCStrings =
    [
        "RPUSH {s}l a b c", "SETRANGE {s}a 1 3.5", "SET {s}b -1", "SET {s}c 12", "SETRANGE {s}c 4 abc", "SORT {s}l BY {s}*", "SORT {s}l BY {s}* DESC",
        "SORT {s}l BY {s}* GET # GET {s}*", "SET {s}b \" 7\"", "SORT {s}l BY {s}*", "SET {s}b \"7 \"", "SORT {s}l BY {s}*", "SET {s}b \" \"", "SORT {s}l BY {s}*",
        "RPUSH l a b c", "SETRANGE a 1 3.5", "SET b -1", "SET c 12", "SETRANGE c 4 abc", "SORT l BY *", "SORT l BY * DESC LIMIT 0 2", "SORT l BY * STORE dst", "LRANGE dst 0 -1",
    ];

    /// <summary>INCRBYFLOAT and HINCRBYFLOAT in Redis' long double: its digits, its range past a double's, hex input, what strtold refuses.</summary>
    public static readonly string[] LongDoubleIncrements =
    [
        "INCRBYFLOAT f 1e308", "INCRBYFLOAT f 1e308", "GET f", "INCRBYFLOAT f 0x10", "INCRBYFLOAT g 0x1.8p3", "INCRBYFLOAT g 0X.8", "INCRBYFLOAT g 0x", "INCRBYFLOAT g 0x1p",
        "INCRBYFLOAT g 1e4933", "INCRBYFLOAT g 1e-5000", "INCRBYFLOAT g 1e", "INCRBYFLOAT g \" 1\"", "INCRBYFLOAT g \"1 \"", "INCRBYFLOAT g nan", "INCRBYFLOAT g infinity",
        "INCRBYFLOAT g 1.", "INCRBYFLOAT g .5", "INCRBYFLOAT g +1.5", "INCRBYFLOAT g -0", "INCRBYFLOAT h 5e-324", "INCRBYFLOAT h 0.1", "INCRBYFLOAT h 0.2",
        "INCRBYFLOAT i -1e-20", "INCRBYFLOAT i 1.23456789012345678", "INCRBYFLOAT i 10.50", "INCRBYFLOAT j 3.0000000000000001", "INCRBYFLOAT j 1e-4950",
        "INCRBYFLOAT k 1e4932", "INCRBYFLOAT k 1e4932", "INCRBYFLOAT m -1.7976931348623157e308", "INCRBYFLOAT m -1.7976931348623157e308",
        "SET n 1e400", "INCRBYFLOAT n 1", "SET n 0x10", "INCRBYFLOAT n 1", "SET n nan", "INCRBYFLOAT n 1",
        "HINCRBYFLOAT hh f 1e308", "HINCRBYFLOAT hh f 0x10", "HINCRBYFLOAT hh f inf", "HINCRBYFLOAT hh f nan", "HINCRBYFLOAT hh f 1e4933", "HINCRBYFLOAT hh g 0.1",
        "HINCRBYFLOAT hh g 0.2", "HSET hh x 1e4932", "HINCRBYFLOAT hh x 1e4932", "HSET hh y abc", "HINCRBYFLOAT hh y 1", "HINCRBYFLOAT hh y nan", "HGETALL hh",
    ];
}
