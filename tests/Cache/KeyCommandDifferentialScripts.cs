namespace DataTier.Tests.Cache;

/// <summary>
/// Scripts for <see cref="DifferentialScripts"/> of COPY, OBJECT, LCS, HRANDFIELD and SORT: each reply compared with
/// redis-server's. Keys named <c>src</c>/<c>dst</c>, <c>a</c>/<c>b</c> and the like are on different shards of the cache
///, keys sharing a <c>{tag}</c> on one.
/// </summary>
public static class KeyCommandDifferentialScripts
{
    /// <summary>HRANDFIELD: random picks compared where they are determined (the whole hash, a one-field hash).</summary>
    public static readonly string[] HashRandomFields =
    [
        "HSET h a 1 b 2 c 3", "HRANDFIELD h 3", "HRANDFIELD h 5 WITHVALUES", "HRANDFIELD h 3 withvalues", "HRANDFIELD h 0", "HRANDFIELD h 0 WITHVALUES",
        "HSET one f v", "HRANDFIELD one", "HRANDFIELD one 1", "HRANDFIELD one -3", "HRANDFIELD one -2 WITHVALUES", "HRANDFIELD one 9 WITHVALUES",
        "HRANDFIELD nokey", "HRANDFIELD nokey 3", "HRANDFIELD nokey -3 WITHVALUES", "HRANDFIELD nokey 0",
        "HRANDFIELD h x", "HRANDFIELD h 1.5", "HRANDFIELD h 1 WITHVALUES x", "HRANDFIELD h 1 FOO", "HRANDFIELD h -2 x",
        "HRANDFIELD h -9223372036854775808", "HRANDFIELD h -9223372036854775807 WITHVALUES", "HRANDFIELD h 9223372036854775807 WITHVALUES",
        "HRANDFIELD h 4611686018427387903 WITHVALUES", "HRANDFIELD h -4611686018427387904 WITHVALUES", "HRANDFIELD",
        "SET s v", "HRANDFIELD s", "HRANDFIELD s 0", "HRANDFIELD s 2 WITHVALUES", "HRANDFIELD s x",
        "HELLO 3", "HRANDFIELD one -2 WITHVALUES", "HRANDFIELD h 3 WITHVALUES", "HRANDFIELD one", "HRANDFIELD nokey", "HRANDFIELD nokey 2 WITHVALUES", "HELLO 2",
    ];

    /// <summary>COPY of every type, with the expiry, across shards (src, dst, a, b) and on one (<c>{t}</c>); DB, REPLACE and bad input.</summary>
    public static readonly string[] Copy =
    [
        "SET src hello EX 100", "COPY src dst", "GET dst", "TTL dst", "COPY src dst", "SET src bye", "COPY src dst", "GET dst", "COPY src dst REPLACE", "GET dst", "TTL dst",
        "COPY src dst replace DB 0", "COPY src src", "COPY src src DB 0", "COPY nokey nokey", "COPY nokey dst", "COPY nokey dst REPLACE", "GET dst",
        "COPY src dst DB 16", "COPY src dst DB -1", "COPY src dst DB x", "COPY src dst DB 99999999999", "COPY src dst DB", "COPY src dst FOO", "COPY src dst REPLACE FOO",
        "COPY nokey dst FOO", "COPY src", "COPY", "COPY src dst DB 0 DB 16",
        "SET n 5", "COPY n n2", "GET n2", "INCR n2", "GET n",
        "HSET h f1 v1 f2 v2", "PEXPIRE h 500000", "COPY h a", "HGETALL a", "PTTL a", "HSET a f3 v3", "HLEN h", "HLEN a",
        "RPUSH l x y z", "COPY l b", "LRANGE b 0 -1", "RPUSH b w", "LLEN l",
        "SADD s 3 1 2", "COPY s k1", "SMEMBERS k1", "SADD s4 x y", "COPY s4 k2", "SMEMBERS k2",
        "ZADD z 1 a 2 b 3 c", "COPY z w1", "ZRANGE w1 0 -1 WITHSCORES", "ZADD w1 9 a", "ZSCORE z a",
        "XADD st 1-1 f v", "XADD st 2-1 g w", "XGROUP CREATE st grp 0", "XREADGROUP GROUP grp alice COUNT 1 STREAMS st >", "COPY st o1",
        "XRANGE o1 - +", "XINFO GROUPS o1", "XPENDING o1 grp", "XACK o1 grp 1-1", "XPENDING st grp", "XINFO STREAM o1",
        "PFADD hll a b c", "COPY hll o2", "PFCOUNT o2", "GET o2",
        "SET str x", "COPY h str", "COPY h str REPLACE", "TYPE str", "HGETALL str", "COPY l str REPLACE", "TYPE str", "LRANGE str 0 -1",
        "SET {t}src 1", "EXPIRE {t}src 100", "COPY {t}src {t}dst", "TTL {t}dst", "COPY {t}src {t}dst", "RPUSH {t}l a", "COPY {t}l {t}dst REPLACE", "TYPE {t}dst",
        "COPY {t}nokey {t}dst", "COPY {t}src {t}src", "COPY {t}src {t}dst DB 1x",
        "SET dst2 v", "COPY src dst2 REPLACE", "TTL dst2",
    ];

    /// <summary>OBJECT ENCODING at and across each of Redis' default thresholds (conversions are one way), REFCOUNT, FREQ and IDLETIME under both kinds of policy, HELP and bad input.</summary>
    public static readonly string[] ObjectEncoding =
    [
        // strings: int, embstr up to 44 bytes, raw beyond, and raw once changed in place
        "SET i 123", "OBJECT ENCODING i", "OBJECT REFCOUNT i", "SET i -1", "OBJECT ENCODING i", "OBJECT REFCOUNT i", "SET i 12345", "OBJECT REFCOUNT i",
        "SET i 9999", "OBJECT REFCOUNT i", "SET i 10000", "OBJECT REFCOUNT i", "SET i 0", "OBJECT REFCOUNT i",
        "SET i 9223372036854775807", "OBJECT ENCODING i", "SET i 9223372036854775808", "OBJECT ENCODING i", "SET i -9223372036854775808", "OBJECT ENCODING i",
        "SET i 01", "OBJECT ENCODING i", "SET i -0", "OBJECT ENCODING i", "SET i \" 1\"", "OBJECT ENCODING i", "SET i 1.5", "OBJECT ENCODING i", "SET i \"\"", "OBJECT ENCODING i",
        "SET e " + Text('y', 44), "OBJECT ENCODING e", "SET e " + Text('y', 45), "OBJECT ENCODING e", "OBJECT REFCOUNT e",
        "APPEND ap 12", "OBJECT ENCODING ap", "APPEND ap 3", "OBJECT ENCODING ap", "INCR ap", "OBJECT ENCODING ap", "OBJECT REFCOUNT ap", "APPEND ap2 \"\"", "OBJECT ENCODING ap2",
        "INCRBYFLOAT f 10", "OBJECT ENCODING f", "INCRBYFLOAT f 0.5", "OBJECT ENCODING f", "INCRBY f2 20000", "OBJECT ENCODING f2", "OBJECT REFCOUNT f2", "DECRBY f2 19999", "OBJECT REFCOUNT f2",
        "SETRANGE r 0 ab", "OBJECT ENCODING r", "SET r abc", "SETRANGE r 0 \"\"", "OBJECT ENCODING r", "SETRANGE r 1 x", "OBJECT ENCODING r",
        "SETBIT b 1 1", "OBJECT ENCODING b", "SET b 5", "SETBIT b 1 1", "OBJECT ENCODING b", "BITFIELD bf SET u8 0 1", "OBJECT ENCODING bf", "BITOP OR bo b bf", "OBJECT ENCODING bo",
        "PFADD p a", "OBJECT ENCODING p", "PFMERGE p2 p", "OBJECT ENCODING p2",
        "MSET m1 5 m2 abc", "OBJECT ENCODING m1", "OBJECT ENCODING m2", "SETNX m3 7", "OBJECT ENCODING m3", "SETEX m4 100 8", "OBJECT ENCODING m4", "GETSET m2 9", "OBJECT ENCODING m2",
        "GETEX m2 EX 100", "OBJECT ENCODING m2", "SET m5 42 GET", "OBJECT ENCODING m5",
        "SET c 7", "COPY c c2", "OBJECT ENCODING c2", "OBJECT REFCOUNT c2", "OBJECT REFCOUNT c", "APPEND c x", "COPY c c3", "OBJECT ENCODING c3", "INCRBYFLOAT c4 1", "COPY c4 c5", "OBJECT ENCODING c5",
        "RENAME i i9", "OBJECT ENCODING i9", "RENAME ap ap9", "OBJECT ENCODING ap9", "OBJECT REFCOUNT ap9",
        // hashes: listpack up to 128 fields of up to 64 bytes, then a hash table for good
        "HSET h " + Pairs("f", 512), "OBJECT ENCODING h", "HSET h f512 v", "OBJECT ENCODING h", "HDEL h f512 f511 f0", "OBJECT ENCODING h", "OBJECT REFCOUNT h",
        "HSET h2 f " + Text('v', 64), "OBJECT ENCODING h2", "HSET h2 f " + Text('v', 65), "OBJECT ENCODING h2", "HSET h2 f v", "OBJECT ENCODING h2",
        "HSET h3 " + Text('k', 65) + " v", "OBJECT ENCODING h3", "HSET h4 f v", "HSETNX h4 f " + Text('v', 65), "OBJECT ENCODING h4", "HSETNX h5 " + Text('k', 65) + " v", "OBJECT ENCODING h5",
        "HINCRBYFLOAT h6 " + Text('k', 65) + " 1.5", "OBJECT ENCODING h6", "HINCRBY h7 " + Text('k', 65) + " 1", "OBJECT ENCODING h7", "HMSET h8 a 1 b " + Text('v', 65), "OBJECT ENCODING h8",
        "HSET h9 f v", "COPY h h10", "OBJECT ENCODING h10", "COPY h9 h11", "OBJECT ENCODING h11",
        // sets: an intset of up to 512 64-bit integers, then a hash table
        "SADD s " + Numbers(0, 512), "OBJECT ENCODING s", "SADD s 512", "OBJECT ENCODING s", "SREM s 512 511", "OBJECT ENCODING s",
        "SADD s2 1 2 3", "OBJECT ENCODING s2", "SADD s2 x", "OBJECT ENCODING s2", "SREM s2 x", "OBJECT ENCODING s2",
        "SADD s3 9223372036854775807 -9223372036854775808", "OBJECT ENCODING s3", "SADD s4 01", "OBJECT ENCODING s4", "SADD s5 -0", "OBJECT ENCODING s5", "SADD s6 9223372036854775808", "OBJECT ENCODING s6",
        "SINTERSTORE s7 s2 s3", "SUNIONSTORE {s}8 s2", "OBJECT ENCODING {s}8", "SUNIONSTORE s9 s2 s", "OBJECT ENCODING s9", "SDIFFSTORE s10 s2 s4", "OBJECT ENCODING s10",
        "SMOVE s2 s11 1", "OBJECT ENCODING s11", "SMOVE s4 s12 01", "OBJECT ENCODING s12",
        "SADD sp " + Numbers(0, 600), "OBJECT ENCODING sp", Popped("sp", 590), "OBJECT ENCODING sp", "SCARD sp", "SADD sp2 " + Numbers(0, 600), Popped("sp2", 50), "OBJECT ENCODING sp2",
        "SADD sp3 " + Numbers(0, 514), Popped("sp3", 429), "OBJECT ENCODING sp3", "SADD sp4 " + Numbers(0, 514), Popped("sp4", 428), "OBJECT ENCODING sp4", "COPY s s13", "OBJECT ENCODING s13",
        // sorted sets: listpack up to 128 members of up to 64 bytes, then a skiplist; SORT converts one
        "ZADD z " + Scored("m", 128), "OBJECT ENCODING z", "ZADD z 1 m128", "OBJECT ENCODING z", "ZREM z m128 m0", "OBJECT ENCODING z",
        "ZADD z2 1 " + Text('m', 64), "OBJECT ENCODING z2", "ZADD z2 1 " + Text('m', 65), "OBJECT ENCODING z2", "ZREM z2 " + Text('m', 65), "OBJECT ENCODING z2",
        "ZADD z3 XX 1 " + Text('m', 65), "ZADD z3 1 a", "ZADD z3 XX 1 " + Text('m', 65), "OBJECT ENCODING z3", "ZINCRBY z3 1 " + Text('m', 65), "OBJECT ENCODING z3",
        "ZUNIONSTORE z4 1 z", "OBJECT ENCODING z4", "ZUNIONSTORE z5 1 z3", "OBJECT ENCODING z5", "GEOADD g 1 1 a", "OBJECT ENCODING g",
        "COPY z z8", "OBJECT ENCODING z8",
        // lists are quicklists in Redis 7.0, streams streams
        "RPUSH l a", "OBJECT ENCODING l", "RPUSH l2 " + Numbers(0, 200), "OBJECT ENCODING l2", "XADD x 1-1 a 1", "OBJECT ENCODING x", "OBJECT REFCOUNT x",
        // missing keys, help, bad input
        "OBJECT ENCODING nokey", "OBJECT REFCOUNT nokey", "OBJECT IDLETIME nokey", "OBJECT FREQ nokey", "OBJECT HELP", "OBJECT help", "OBJECT FOO", "OBJECT FOO a", "OBJECT FOO a b",
        "OBJECT", "OBJECT ENCODING", "OBJECT ENCODING a b", "OBJECT HELP x", "OBJECT REFCOUNT", "OBJECT FREQ", "OBJECT IDLETIME a b",
        // FREQ only under an LFU policy, IDLETIME only under another
        "OBJECT IDLETIME l", "OBJECT FREQ l", "CONFIG SET maxmemory-policy allkeys-lfu", "SET fr v", "OBJECT FREQ fr", "GET fr", "OBJECT FREQ fr", "OBJECT IDLETIME fr",
        "OBJECT FREQ nokey", "OBJECT REFCOUNT i", "SET i 3", "OBJECT REFCOUNT i", "CONFIG SET maxmemory-policy volatile-lfu", "OBJECT IDLETIME fr",
        "CONFIG SET maxmemory-policy volatile-ttl", "OBJECT FREQ fr", "CONFIG SET maxmemory-policy noeviction",
        "HELLO 3", "OBJECT ENCODING nokey", "OBJECT ENCODING h", "OBJECT REFCOUNT h", "OBJECT HELP", "HELLO 2",
    ];

    /// <summary>LCS of strings on two shards (a, b) and on one (<c>{t}</c>), every option, ties, absent keys, wrong types, bad input.</summary>
    public static readonly string[] Lcs =
    [
        "MSET {t}a ohmytext {t}b mynewtext", "SET a ohmytext", "SET b mynewtext",
        "LCS a b", "LCS a b LEN", "LCS a b IDX", "LCS a b IDX WITHMATCHLEN", "LCS a b IDX MINMATCHLEN 4", "LCS a b IDX MINMATCHLEN 4 WITHMATCHLEN", "LCS a b idx minmatchlen -5",
        "LCS {t}a {t}b", "LCS {t}a {t}b LEN", "LCS {t}a {t}b IDX WITHMATCHLEN", "LCS a b WITHMATCHLEN", "LCS a b MINMATCHLEN 3", "LCS a b LEN LEN", "LCS a b IDX IDX MINMATCHLEN 1 MINMATCHLEN 2",
        "LCS a b IDX LEN", "LCS a b LEN IDX", "LCS a b FOO", "LCS a b MINMATCHLEN", "LCS a b MINMATCHLEN x", "LCS a b MINMATCHLEN 99999999999999999999", "LCS a", "LCS",
        "LCS nokey b", "LCS a nokey IDX", "LCS nokey nokey2 LEN", "LCS nokey nokey2", "LCS nokey nokey2 IDX WITHMATCHLEN", "LCS a a", "LCS a a IDX WITHMATCHLEN",
        "RPUSH l x", "LCS l b", "LCS a l LEN", "LCS l b FOO", "LCS l b MINMATCHLEN x", "LCS nokey l", "HSET {t}h f v", "LCS {t}a {t}h",
        // ties: the walk back goes up only when that keeps a strictly longer subsequence
        "SET a abcabcabc", "SET b cbacbacba", "LCS a b", "LCS a b IDX WITHMATCHLEN", "SET a aaaa", "SET b aa", "LCS a b IDX WITHMATCHLEN", "LCS b a IDX WITHMATCHLEN",
        "SET a GTTCCTAATA", "SET b CGATAATTGAGA", "LCS a b", "LCS a b IDX", "LCS b a IDX WITHMATCHLEN MINMATCHLEN 2", "SET a xyz", "SET b abc", "LCS a b", "LCS a b IDX",
        "SET a \"\"", "LCS a b IDX", "SET a 12345", "INCR a", "LCS a b", "SET b 1234", "LCS a b IDX",
        "HELLO 3", "LCS a b IDX WITHMATCHLEN", "LCS nokey b IDX", "LCS a b", "HELLO 2",
    ];

    /// <summary>
    /// SORT and SORT_RO: numbers and ALPHA, ties (numeric ones broken by the elements' bytes, ALPHA BY ones as Redis' sorts
    /// leave them, with and without LIMIT, past 40 elements too), BY and GET on strings and hash fields of keys on other
    /// shards, nosort on each type, LIMIT's edges, STORE across shards and over other types, bad input.
    /// </summary>
    public static readonly string[] Sort =
    [
        "RPUSH l 3 1 2 10 -5 2.5", "SORT l", "SORT l DESC", "SORT l ASC", "SORT l DESC ASC", "SORT_RO l", "SORT l ALPHA", "SORT l ALPHA DESC",
        "SORT l LIMIT 0 2", "SORT l LIMIT 1 2", "SORT l LIMIT -1 2", "SORT l LIMIT 2 -1", "SORT l LIMIT 10 1", "SORT l LIMIT 0 0", "SORT l LIMIT 5 1", "SORT l LIMIT 6 1",
        "SORT l LIMIT 1 100", "SORT l LIMIT 1 2 DESC", "SORT l LIMIT 0 1 LIMIT 2 2", "SORT l LIMIT 9223372036854775807 9223372036854775807", "SORT l LIMIT 3 9223372036854775807",
        // weights strtod reads: white space before, hexadecimal, infinities; empty is 0
        "RPUSH n 3 \" 2\" \"\" 0x10 inf -infinity 1e5 .5 5. +4", "SORT n", "SORT n DESC LIMIT 2 3", "RPUSH bad 1 \"2 \"", "SORT bad", "RPUSH bad2 1 nan", "SORT bad2",
        "RPUSH zero 0e999 -0 0", "SORT zero", "SORT zero DESC",
        // equal numbers: ordered by their bytes
        "RPUSH t 1 01 1.0 1e0 \" 1\" 1.00 2 0002", "SORT t", "SORT t DESC", "SORT t LIMIT 1 3", "SORT t BY nokey_*", "SORT t BY nokey_* DESC LIMIT 2 3",
        "RPUSH w x a b B A", "SORT w", "SORT w ALPHA", "SORT w ALPHA DESC", "SORT w ALPHA LIMIT 1 2", "SORT_RO w ALPHA LIMIT 1 2 DESC",
        // BY and GET on strings and hash fields, on other shards
        "MSET w_3 30 w_1 100 w_2 20 w_-5 x w_2.5 2.5", "SORT l BY w_*", "DEL w_-5", "SORT l BY w_*", "SORT l BY w_* DESC", "SORT l BY w_* LIMIT 1 3", "SORT l BY w_* ALPHA",
        "SORT l BY w_* ALPHA DESC LIMIT 0 3", "SORT l BY w_* GET #", "SORT l BY w_* GET # GET w_*", "SORT l GET w_* GET nope GET #", "SORT l BY nosort GET w_*",
        "HSET h_1 f one g 1", "HSET h_2 f two g 2", "HSET h_3 f three g 3", "HSET h_10 f ten", "SET h_-5 notahash",
        "SORT l BY h_*->g", "SORT l BY h_*->g DESC GET h_*->f GET # GET w_*", "SORT l BY h_*->f ALPHA GET h_*->f", "SORT l BY h_*->nofield GET h_*->g",
        "SORT l GET h_*->", "SET h_3-> arrow", "SORT l GET h_*-> GET *", "SORT l GET h_*->f->g", "SORT l BY w_*->f", "SORT l GET #->f", "SORT l BY nosort GET ** GET w_*x",
        "RPUSH l2 h_1 h_2", "SORT l2 BY nosort GET *->f GET *", "SET str v", "SORT l BY str_* GET str", "RPUSH lst x", "SORT l2 GET lst",
        "SORT l BY nosort BY w_*", "SORT l BY w_* BY nosort", "SORT l BY #", "SORT l BY w_* GET w_* LIMIT 1 2 DESC",
        // nosort keeps a list's or sorted set's order (reversed by DESC), an intset's numeric order; a set stored unsorted is sorted ALPHA
        "SORT l BY nosort", "SORT l BY nosort DESC", "SORT l BY nosort LIMIT 1 2", "SORT l BY nosort LIMIT 1 2 DESC", "SORT l BY nosort LIMIT 4 10 DESC", "SORT l BY nosort LIMIT 0 0",
        "ZADD z 3 a 1 b 2 c 5 d", "SORT z", "SORT z ALPHA", "SORT z ALPHA DESC", "SORT z BY nosort", "SORT z BY nosort DESC", "SORT z BY nosort LIMIT 1 2", "SORT z BY nosort DESC LIMIT 1 2",
        "SORT z BY nosort LIMIT 9 2", "OBJECT ENCODING z", "ZADD z6 2 a 1 b", "SORT_RO z6 ALPHA", "OBJECT ENCODING z6", "ZADD z7 2 a 1 b", "SORT z7 BY nosort", "OBJECT ENCODING z7",
        "ZADD zn 3 30 1 10 2 20", "SORT zn", "SORT zn BY w_* GET #",
        "SADD s 5 3 9 1 -2", "SORT s", "SORT s DESC", "SORT s BY nosort", "SORT s BY nosort DESC", "SORT s BY nosort LIMIT 1 2", "SORT s ALPHA", "SORT s BY w_*",
        "SORT s BY nosort STORE dst", "LRANGE dst 0 -1", "SADD sw banana apple cherry", "SORT sw BY nosort STORE dst", "LRANGE dst 0 -1", "SORT sw BY nosort DESC STORE dst", "LRANGE dst 0 -1",
        "SORT sw BY nosort LIMIT 1 1 STORE dst", "LRANGE dst 0 -1", "SORT sw BY nosort GET # STORE dst", "LRANGE dst 0 -1",
        // STORE: a list on the destination's shard, replacing any type and its expiry; an empty result deletes it
        "SORT l STORE dst", "LRANGE dst 0 -1", "SORT l BY w_* GET w_* GET # STORE dst", "LRANGE dst 0 -1", "HSET hdst f v", "EXPIRE hdst 100", "SORT l STORE hdst", "TYPE hdst", "TTL hdst",
        "LRANGE hdst 0 -1", "SORT l LIMIT 0 0 STORE hdst", "EXISTS hdst", "SORT nokey STORE dst", "EXISTS dst", "SORT l STORE l", "LRANGE l 0 -1", "SORT w STORE dst", "EXISTS dst",
        "SET {t}w_1 2", "SET {t}w_2 1", "RPUSH {t}l 1 2", "SORT {t}l BY {t}w_* STORE {t}dst", "LRANGE {t}dst 0 -1", "SORT {t}l STORE {t}dst2", "LRANGE {t}dst2 0 -1",
        "SORT_RO l STORE dst", "SORT_RO l BY w_* STORE", "SORT l STORE", "SORT l BY", "SORT l GET", "SORT l LIMIT 1", "SORT l LIMIT x 1", "SORT l LIMIT 1 x", "SORT l FOO",
        "SORT nokey", "SORT nokey BY w_* GET #", "SORT str", "SORT str FOO", "SORT str LIMIT x 1", "HSET hh f v", "SORT hh", "XADD xs 1-1 f v", "SORT_RO xs", "SORT", "SORT_RO",
        "EVAL \"return redis.call('sort', KEYS[1], 'by', 'nosort')\" 1 s", "EVAL \"return redis.call('sort_ro', KEYS[1], 'by', 'nosort', 'desc', 'limit', 0, 2)\" 1 s",
        "EVAL \"return redis.call('sort', KEYS[1], 'by', 'nosort', 'desc')\" 1 l", "EVAL \"return redis.call('sort', KEYS[1], 'by', KEYS[1], 'store', KEYS[2])\" 2 {t}l {t}dst4", "LRANGE {t}dst4 0 -1",
        "EVAL \"return redis.call('copy', KEYS[1], KEYS[2])\" 2 {t}l {t}dst5", "EVAL \"return redis.call('object', 'encoding', KEYS[1])\" 1 {t}dst5",
        "EVAL \"return redis.call('lcs', KEYS[1], KEYS[2], 'idx')\" 2 {t}w_1 {t}w_2", "EVAL \"return redis.call('hrandfield', KEYS[1], 1)\" 1 h_10",
        "MULTI", "SORT {t}l BY {t}w_* GET {t}w_*", "SORT {t}l BY {t}w_* STORE {t}dst3", "LRANGE {t}dst3 0 -1", "EXEC",
        // ALPHA BY ties: stable without LIMIT, in the partial quicksort's order with one; past 40 elements its ninther pivot
        "RPUSH tie e d c b a j i h g f", "MSET wt_a 1 wt_b 1 wt_c 1 wt_d 2 wt_e 2", "SORT tie BY wt_* ALPHA", "SORT tie BY wt_* ALPHA DESC", "SORT tie BY wt_* ALPHA LIMIT 0 3",
        "SORT tie BY wt_* ALPHA LIMIT 2 5", "SORT tie BY wt_* ALPHA DESC LIMIT 1 4", "SORT tie BY nokey_* ALPHA LIMIT 1 10", "SORT tie BY wt_* LIMIT 0 4",
        "RPUSH many " + Numbers(0, 97), "MSET " + string.Join(" ", Enumerable.Range(0, 97).Select(i => $"wm_{i} {i % 4}")), "SORT many BY wm_* ALPHA", "SORT many BY wm_* ALPHA LIMIT 0 10",
        "SORT many BY wm_* ALPHA LIMIT 30 20", "SORT many BY wm_* ALPHA DESC LIMIT 80 30", "SORT many BY wm_* ALPHA LIMIT 1 96 GET wm_*", "SORT many BY wm_* LIMIT 10 10",
        "SORT many BY nokey_* ALPHA LIMIT 5 50", "SORT many BY nokey_* ALPHA DESC LIMIT 0 41",
        "HELLO 3", "SORT l GET nope GET #", "SORT l BY w_* GET w_* LIMIT 0 2", "HELLO 2",
        // out of a double's range, as strtod's ERANGE. Last: Redis does not clear errno before strtod, so until another
        // call fails with another errno, its later numeric sorts on this connection would fail too.
        "RPUSH bad3 1e400", "SORT bad3", "RPUSH bad4 1e-310", "SORT bad4",
    ];

    private static string Text(char c, int length) => new(c, length);

    /// <summary>SPOP key count through a script that answers how many it popped (which ones is random).</summary>
    private static string Popped(string key, int count) => $"EVAL \"return #redis.call('spop', KEYS[1], ARGV[1])\" 1 {key} {count}";

    /// <summary>Integers from first, count of them, as one argument list.</summary>
    private static string Numbers(int first, int count) => string.Join(" ", Enumerable.Range(first, count));

    /// <summary>Fields prefix0 .. prefix(count-1) with values, as HSET's arguments.</summary>
    private static string Pairs(string prefix, int count) => string.Join(" ", Enumerable.Range(0, count).Select(i => $"{prefix}{i} v{i}"));

    /// <summary>Members prefix0 .. prefix(count-1) with scores, as ZADD's arguments.</summary>
    private static string Scored(string prefix, int count) => string.Join(" ", Enumerable.Range(0, count).Select(i => $"{i} {prefix}{i}"));
}
