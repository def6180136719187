namespace DataTier.Tests.Cache;

/// <summary>Command scripts run against both the cache and a real redis-server; each reply must be the same.</summary>
public static class DifferentialScripts
{
    public static readonly Dictionary<string, string[]> All = new()
    {
        ["connection"] =
        [
            "PING", "PING hello", "PING a b", "ECHO hi", "ECHO", "SELECT 0", "SELECT x", "FOO", "FOO a b",
            "CLIENT SETNAME myname", "CLIENT GETNAME", "CLIENT SETNAME \"a b\"", "CLIENT SETNAME", "CLIENT FOO",
            "HELLO 4", "HELLO abc", "HELLO 2 FOO", "AUTH x", "AUTH a b", "CONFIG SET foo bar", "CONFIG SET maxmemory-policy bad",
            "CONFIG GET maxmemory-samples", "get", "set a",
            "MEMORY PURGE", "MEMORY PURGE x", "MEMORY FOO", "MEMORY",
        ],
        ["set-options"] =
        [
            "SET k v", "GET k", "SET k v2 NX", "SET k v3 XX", "GET k", "SET n v NX", "SET n2 v XX", "GET n2",
            "SET k v EX 100", "TTL k", "SET k v PX 100000", "PTTL k", "SET k v KEEPTTL", "TTL k", "SET k v", "TTL k",
            "SET k v EX 0", "SET k v EX -1", "SET k v EX abc", "SET k v PX 0", "SET k v NX XX", "SET k v EX 10 PX 10",
            "SET k v KEEPTTL EX 10", "SET k v FOO", "SET k v EX", "SET k new GET", "SET missing v GET", "SET k v3 NX GET",
            "SET k v EXAT 99999999999", "TTL k", "SET k v PXAT 99999999999000", "PERSIST k", "TTL k",
            "HSET h f v", "SET h x GET", "GET h", "SET h x", "GET h",
        ],
        ["strings"] =
        [
            "GETDEL nope", "SET a hello", "GETDEL a", "GET a", "SET a hello", "APPEND a \" world\"", "GET a", "STRLEN a", "STRLEN nope",
            "APPEND new xy", "GETRANGE a 0 4", "GETRANGE a -5 -1", "GETRANGE a 5 2", "GETRANGE a -1 -5", "GETRANGE a 0 100", "GETRANGE nope 0 1", "GETRANGE a x 1",
            "SETRANGE a 6 WORLD", "GET a", "SETRANGE pad 5 x", "GET pad", "SETRANGE a -1 x", "SETRANGE empty 0 \"\"", "EXISTS empty", "SETRANGE a 0 \"\"",
            "SETNX a x", "SETNX b x", "GET b", "SETEX c 100 v", "TTL c", "SETEX c 0 v", "SETEX c x v", "PSETEX d 100000 v", "PTTL d", "PSETEX d -5 v",
            "GETSET b y", "GETSET nokey z", "GET nokey",
            "MSET m1 1 m2 2 m3 3", "MGET m1 m2 m3 nokey2", "MSET m1", "MSET m1 1 m2", "MSETNX m1 x m9 y", "MGET m9", "MSETNX m8 x m9 y", "MGET m8 m9",
            "SET {t}a 1", "SET {t}b 2", "MGET {t}a {t}b", "MSETNX {t}c 3 {t}a 4", "MSETNX {t}c 3 {t}d 4", "MGET {t}c {t}d",
            "GETEX a", "GETEX a EX 100", "TTL a", "GETEX a PERSIST", "TTL a", "GETEX a PX 50000", "PTTL a", "GETEX a FOO", "GETEX a EX 10 PERSIST", "GETEX nokey3",
            "HSET h f v", "GET h", "APPEND h x", "STRLEN h", "GETRANGE h 0 1", "GETDEL h", "GETEX h", "INCR h", "MGET h a",
        ],
        ["counters"] =
        [
            "INCR c", "INCR c", "INCRBY c 10", "DECR c", "DECRBY c 5", "INCRBY c -3", "GET c", "INCRBY c abc", "INCRBY c 1.5",
            "SET big 9223372036854775807", "INCR big", "SET small -9223372036854775808", "DECR small", "DECRBY c -9223372036854775808",
            "SET s abc", "INCR s", "SET sp \" 1\"", "INCR sp", "SET z 007", "INCR z", "SET neg -0", "INCR neg",
            "INCRBYFLOAT f 10.5", "INCRBYFLOAT f 0.1", "INCRBYFLOAT f -5", "GET f", "SET g 0.1", "INCRBYFLOAT g 0.2",
            "INCRBYFLOAT f abc", "INCRBYFLOAT s 1", "INCRBYFLOAT h2 1e20", "INCRBYFLOAT h2 5.0e3", "INCRBYFLOAT e 3e-5",
            "INCRBYFLOAT x 1.23456789012345678901", "SET i 5", "INCRBYFLOAT i 1.5", "INCRBYFLOAT inf inf", "SET x1 10", "EXPIRE x1 100", "INCR x1", "TTL x1",
        ],
        ["keys"] =
        [
            "SET a 1", "SET b 2", "SET c 3", "DEL a b nokey", "EXISTS a b c c nokey", "UNLINK c", "EXISTS c", "DEL", "EXISTS",
            "SET k v", "EXPIRE k 100", "TTL k", "PTTL nokey", "TTL nokey", "SET p v", "TTL p", "PERSIST p", "PERSIST k", "TTL k", "PERSIST nokey",
            "EXPIRE k abc", "EXPIRE k 10 FOO", "EXPIRE k 10 NX XX", "EXPIRE k 10 GT LT", "EXPIRE k 100 NX", "EXPIRE k 100 XX", "EXPIRE k 50 GT", "EXPIRE k 200 GT", "EXPIRE k 300 LT", "TTL k",
            "EXPIRE nokey 10", "PEXPIRE k 100000", "PTTL k", "EXPIREAT k 99999999999", "TTL k", "PEXPIREAT k 99999999999000", "EXPIRETIME k", "PEXPIRETIME k", "EXPIRETIME p", "EXPIRETIME nokey",
            "EXPIRE k -1", "EXISTS k", "SET k v", "PEXPIRE k 0", "GET k", "SET k v", "EXPIREAT k 1", "GET k", "EXPIRE k 9223372036854775807",
            "SET k v", "TYPE k", "TYPE nokey", "HSET h f v", "TYPE h", "ZADD z 1 a", "TYPE z",
            "RENAME nokey x", "RENAME k k2", "GET k", "GET k2", "RENAME k2 k2", "SET k3 v3", "RENAMENX k2 k3", "RENAMENX k2 k4", "GET k4",
            "SET r1 v", "EXPIRE r1 100", "RENAME r1 r2", "TTL r2", "RENAME {x}a {x}b", "SET {x}a 1", "RENAME {x}a {x}b", "GET {x}b",
            "RENAMENX nokey y", "RENAMENX k4 k4", "RENAME h h2", "HGET h2 f", "TOUCH h2 z nokey",
            "DBSIZE", "FLUSHDB", "DBSIZE", "RANDOMKEY", "SET only 1", "RANDOMKEY", "FLUSHALL", "FLUSHALL ASYNC", "FLUSHALL FOO", "DBSIZE",
        ],
        ["keys-patterns"] =
        [
            "MSET hello 1 hallo 2 hxllo 3 hllo 4 heeello 5 hbllo 6 \"h*llo\" 7 \"a\\\\b\" 8",
            "KEYS h?llo", "KEYS h*llo", "KEYS h[ae]llo", "KEYS h[^e]llo", "KEYS h[a-b]llo", "KEYS \"h\\\\*llo\"", "KEYS *", "KEYS nomatch*", "KEYS",
        ],
        ["hashes"] =
        [
            "HSET h f1 v1 f2 v2", "HSET h f1 x f3 v3", "HGET h f1", "HGET h nofield", "HGET nokey f", "HMGET h f1 f2 nofield", "HMGET nokey a b",
            "HLEN h", "HLEN nokey", "HEXISTS h f1", "HEXISTS h nofield", "HSTRLEN h f1", "HSTRLEN h nofield", "HDEL h f1 nofield", "HDEL nokey f", "HLEN h",
            "HSET h f", "HSET h", "HMSET h a 1 b 2", "HMSET h a", "HSETNX h a 9", "HSETNX h c 9", "HGET h c",
            "HINCRBY h n 5", "HINCRBY h n -2", "HINCRBY h n abc", "HINCRBY h a 1", "HSET h s abc", "HINCRBY h s 1", "HSET h big 9223372036854775807", "HINCRBY h big 1",
            "HINCRBYFLOAT h fl 1.5", "HINCRBYFLOAT h fl 0.1", "HINCRBYFLOAT h fl abc", "HINCRBYFLOAT h s 1", "HINCRBYFLOAT h fl inf",
            "SET str v", "HSET str f v", "HGET str f", "HGETALL str", "HLEN str", "HDEL str f", "HINCRBY str f 1",
            "HDEL h2 x", "HSET h2 only 1", "HDEL h2 only", "EXISTS h2", "HGETALL nokey", "HKEYS nokey", "HVALS nokey",
            "HSET single f v", "HGETALL single", "HKEYS single", "HVALS single", "HSCAN single 0", "HSCAN single 0 MATCH f*", "HSCAN single 0 COUNT 0", "HSCAN single x", "HSCAN single 0 FOO",
        ],
        ["sorted-sets"] =
        [
            "ZADD z 1 a 2 b 3 c", "ZADD z 1 a", "ZADD z CH 5 a 2 b", "ZSCORE z a", "ZADD z NX 10 a 4 d", "ZADD z XX 10 a 4 e", "ZSCORE z a", "ZSCORE z e",
            "ZADD z GT 5 a", "ZADD z GT CH 20 a", "ZADD z LT CH 30 a", "ZADD z LT CH 1 a", "ZADD z INCR 2 a", "ZADD z INCR NX 2 a", "ZADD z XX INCR 1 nope",
            "ZADD z NX XX 1 a", "ZADD z GT NX 1 a", "ZADD z GT LT 1 a", "ZADD z INCR 1 a 2 b", "ZADD z abc a", "ZADD z 1", "ZADD z 1 a 2", "ZADD z XX 1 a 2",
            "ZADD z 0.1 f 1e20 g 1e-5 h inf i -inf j", "ZRANGE z 0 -1 WITHSCORES", "ZMSCORE z a f nope", "ZMSCORE nokey a",
            "ZCARD z", "ZCARD nokey", "ZCOUNT z 1 3", "ZCOUNT z (1 3", "ZCOUNT z -inf +inf", "ZCOUNT z a b", "ZCOUNT nokey 0 1",
            "ZINCRBY z 5 b", "ZINCRBY z 1 new", "ZINCRBY z abc b", "ZADD nan 1 x", "ZINCRBY z -inf i",
            "ZRANK z b", "ZREVRANK z b", "ZRANK z nope", "ZRANK nokey a",
            "ZREM z a nope", "ZREM nokey a", "ZRANGE z 0 1", "ZRANGE z -2 -1", "ZRANGE z 5 1", "ZRANGE z 0 100 WITHSCORES", "ZRANGE z a b",
            "ZRANGE z 0 10 BYSCORE", "ZRANGE z (1 10 BYSCORE WITHSCORES", "ZRANGE z 10 0 BYSCORE REV", "ZRANGE z -inf +inf BYSCORE LIMIT 1 2", "ZRANGE z -inf +inf BYSCORE LIMIT -1 2",
            "ZRANGE z -inf +inf BYSCORE LIMIT 1 -5", "ZRANGE z 0 -1 LIMIT 0 1", "ZRANGE z 0 -1 LIMIT 0 -1", "ZRANGE z 0 -1 REV", "ZRANGE z 0 -1 FOO", "ZRANGE z x y BYSCORE",
            "ZREVRANGE z 0 1 WITHSCORES", "ZREVRANGE z 0 1 LIMIT 0 1", "ZRANGEBYSCORE z 1 10", "ZRANGEBYSCORE z 1 10 WITHSCORES LIMIT 0 2", "ZRANGEBYSCORE z 1 2 REV",
            "ZREVRANGEBYSCORE z 10 1", "ZREVRANGEBYSCORE z +inf -inf WITHSCORES LIMIT 1 1",
            "ZADD lex 0 a 0 b 0 c 0 d 0 e", "ZRANGEBYLEX lex - +", "ZRANGEBYLEX lex [b (d", "ZRANGEBYLEX lex (a [c LIMIT 1 1", "ZREVRANGEBYLEX lex + -", "ZREVRANGEBYLEX lex [d (a",
            "ZRANGEBYLEX lex a c", "ZRANGE lex [b [d BYLEX", "ZRANGE lex [d [b BYLEX REV", "ZRANGE lex - + BYLEX WITHSCORES", "ZLEXCOUNT lex - +", "ZLEXCOUNT lex [b (e", "ZLEXCOUNT lex x y",
            "ZPOPMIN lex", "ZPOPMAX lex", "ZPOPMIN lex 2", "ZPOPMIN lex 0", "ZPOPMIN lex -1", "ZPOPMIN lex x", "ZPOPMIN nokey", "ZPOPMAX nokey 2", "ZPOPMIN lex 10", "EXISTS lex",
            "SET str v", "ZADD str 1 a", "ZSCORE str a", "ZRANGE str 0 -1", "ZCARD str", "ZPOPMIN str",
            "ZADD small 1 one 2 two", "ZSCAN small 0", "ZSCAN small 0 MATCH t*", "ZSCAN nokey 0",
        ],
        ["streams"] =
        [
            "XADD s 1-1 a 1", "XADD s 1-2 b 2 c 3", "XADD s 2 d 4", "XADD s 2-* e 5", "XADD s 5-* f 6", "XLEN s", "TYPE s",
            "XADD s 1-1 x y", "XADD s 5-0 x y", "XADD s 0-0 x y", "XADD s 0 x y", "XADD s 3-x a b", "XADD s 1-1 a", "XADD s 1-1 a b c", "XADD s", "XADD s MAXLEN",
            "XADD s 9-9 a", "XADD s -1 a b", "XADD s 18446744073709551616 a b", "XADD s 2- a b", "XADD s - a b",
            "XADD nos NOMKSTREAM 1-1 a b", "EXISTS nos", "XADD s NOMKSTREAM 6-1 g 7",
            "XADD s MAXLEN 1 LIMIT 5 7-1 a b", "XADD s MAXLEN = 1 LIMIT 5 7-1 a b", "XADD s MAXLEN -1 7-1 a b", "XADD s MAXLEN x 7-1 a b",
            "XADD s MAXLEN ~ -1 7-1 a b", "XADD s LIMIT -1 7-1 a b", "XADD s MAXLEN ~ 1 LIMIT x 7-1 a b", "XADD s MINID x 7-1 a b",
            "XADD s MAXLEN 1 MINID 1 7-1 a b", "XADD s MINID 1-1 a",
            "XRANGE s - +", "XRANGE s - + COUNT 2", "XRANGE s - + COUNT 0", "XRANGE s - + COUNT -1", "XRANGE s 1 1", "XRANGE s 1-2 2",
            "XRANGE s (1-1 (5-0", "XRANGE s (1 +", "XRANGE s - (2-1", "XRANGE s 5 2", "XRANGE s (- +", "XRANGE s - (+",
            "XRANGE s (18446744073709551615-18446744073709551615 +", "XRANGE s - (0-0", "XRANGE s bad +", "XRANGE s - + COUNT", "XRANGE s - + FOO 1",
            "XRANGE s - + COUNT x", "XRANGE s - + COUNT 1 COUNT 3", "XRANGE nos - +", "XRANGE nos - + COUNT 0",
            "XREVRANGE s + -", "XREVRANGE s + - COUNT 2", "XREVRANGE s (5-1 (1-1", "XREVRANGE s - +", "XREVRANGE s 2 1",
            "XDEL s 1-2 9-9 bad", "XDEL s 1-2 9-9", "XDEL s 1-2", "XDEL nos bad", "XLEN s", "XRANGE s - +",
            "XTRIM s MAXLEN 3", "XRANGE s - +", "XTRIM s MAXLEN 3", "XTRIM s MINID 5", "XRANGE s - +", "XTRIM s MAXLEN ~ 0", "XLEN s",
            "XTRIM s MAXLEN = 0", "XLEN s", "EXISTS s", "XRANGE s - +", "XTRIM s MAXLEN -1", "XTRIM s MAXLEN ~ -1", "XTRIM s LIMIT 5", "XTRIM s MAXLEN 1 LIMIT",
            "XTRIM s FOO 1", "XTRIM s MAXLEN 1 FOO", "XTRIM s MAXLEN 1 MAXLEN 2", "XTRIM s MAXLEN = 1 LIMIT 1", "XTRIM s MINID ~ 1 LIMIT 1",
            "XTRIM s MINID -", "XTRIM nos MAXLEN 1", "XTRIM s", "XADD s 10-1 a b", "XADD s 9-1 a b",
            "XADD t MAXLEN 2 1-1 a b", "XADD t MAXLEN 2 2-1 a b", "XADD t MAXLEN 2 3-1 a b", "XRANGE t - +", "XADD t MINID 3 4-1 a b", "XRANGE t - +",
            "XADD t MAXLEN ~ 1 5-1 a b", "XLEN t", "XADD t MINID = 5 6-1 a b", "XLEN t",
            "XSETID nos 1-1", "XSETID t 1-1", "XSETID t 6-1 ENTRIESADDED 1", "XSETID t 6-1 ENTRIESADDED -1", "XSETID t 6-1 MAXDELETEDID 7-0",
            "XSETID t 6-1 MAXDELETEDID bad", "XSETID t bad", "XSETID t 8 ENTRIESADDED 10 MAXDELETEDID 3", "XSETID t 8 FOO", "XSETID t 8 ENTRIESADDED",
            "XSETID t $", "XADD t 8-0 a b", "XADD t 8-* a b", "XSETID t 9 MAXDELETEDID 2", "XINFO STREAM t",
            "XADD big 18446744073709551615-18446744073709551615 a b", "XADD big 5 a b", "XADD big2 1-18446744073709551615 a b", "XADD big2 1-* a b",
            "SET str x", "XADD str 1-1 a b", "XLEN str", "XRANGE str - +", "XRANGE str bad +", "XDEL str 1", "XDEL str bad", "XTRIM str MAXLEN 1",
            "XSETID str 1", "XREAD STREAMS str 0", "LPUSH s x", "GET s", "RENAME t t2", "XRANGE t2 - +", "TYPE t2",
            "XREAD STREAMS t2 0", "XREAD COUNT 1 STREAMS t2 0", "XREAD STREAMS t2 6-1", "XREAD STREAMS t2 $", "XREAD STREAMS t2 nos 0 0",
            "XREAD STREAMS nos 0", "XREAD STREAMS t2", "XREAD STREAMS t2 0 1", "XREADGROUP GROUP g c STREAMS t2 0 1", "XREAD COUNT x STREAMS t2 0", "XREAD COUNT -1 STREAMS t2 0",
            "XREAD BLOCK x STREAMS t2 0", "XREAD BLOCK -1 STREAMS t2 0", "XREAD STREAMS t2 >", "XREAD STREAMS t2 bad", "XREAD FOO STREAMS t2 0",
            "XREAD COUNT 1", "XREAD t2 0", "XREAD BLOCK 10 STREAMS t2 0", "XREAD STREAMS {x}a {x}b 0 0", "XADD {x}b 1-1 f v", "XREAD STREAMS {x}a {x}b 0 0",
            "XADD k2 1-1 f v", "XREAD STREAMS t2 k2 0 0", "XREAD STREAMS k2 t2 0 $",
            "HELLO 3", "XREAD STREAMS t2 k2 0 0", "XRANGE t2 - + COUNT 1", "XREAD STREAMS nos 0", "XINFO STREAM k2", "HELLO 2",
            "XINFO STREAM t2 FULL", "XINFO STREAM t2 FULL COUNT 1", "XINFO STREAM t2 FULL COUNT 0", "XINFO STREAM t2 FULL COUNT -1", "XGROUP CREATE t2 g 0", "XGROUP CREATE t2 h $", "XINFO STREAM t2 FULL COUNT 1", "XADD e 1-1 a b", "XDEL e 1-1", "XLEN e", "EXISTS e", "XINFO STREAM e", "XINFO STREAM e FULL", "XADD e 1-1 a b", "XADD e 1-2 a b",
        ],
        ["stream-trimming"] =
        [
            .. Enumerable.Range(1, 250).Select(i => $"XADD a {i}-1 f v"),
            "XTRIM a MAXLEN ~ 120", "XLEN a", "XTRIM a MAXLEN ~ 10 LIMIT 50", "XTRIM a MAXLEN ~ 10 LIMIT 100", "XLEN a", "XADD a MINID ~ 240 251-1 f v",
            "XLEN a", "XDEL a 245-1", "XINFO STREAM a", "XTRIM a MINID 249", "XRANGE a - + COUNT 2", "XTRIM a MAXLEN 1", "XRANGE a - +", "XINFO STREAM a",
            .. Enumerable.Range(1, 120).Select(i => $"XADD b MAXLEN ~ 50 {i}-1 f v"), "XLEN b", "XRANGE b - + COUNT 1",
        ],
        ["stream-groups"] =
        [
            "XADD s 1-1 a 1", "XADD s 2-1 b 2", "XADD s 3-1 c 3",
            "XGROUP CREATE s g 0", "XGROUP CREATE s g 0", "XGROUP CREATE s g2 $", "XGROUP CREATE s g3 0 ENTRIESREAD 1", "XGROUP CREATE s g4 bad",
            "XGROUP CREATE s g5 0 ENTRIESREAD -2", "XGROUP CREATE s g5 0 ENTRIESREAD x", "XGROUP CREATE s g5 0 FOO", "XGROUP CREATE nos g 0",
            "XGROUP CREATE nos g $ MKSTREAM", "TYPE nos", "XLEN nos", "XGROUP CREATE s", "XGROUP", "XGROUP FOO", "XGROUP HELP", "XINFO HELP", "XINFO FOO s",
            "XINFO GROUPS", "XINFO GROUPS s", "XINFO GROUPS nokey",
            "XREADGROUP GROUP g c1 COUNT 1 STREAMS s >", "XREADGROUP GROUP g c2 STREAMS s >", "XREADGROUP GROUP g c2 STREAMS s >",
            "XREADGROUP GROUP g c1 STREAMS s 0", "XREADGROUP GROUP g c3 STREAMS s 0", "XREADGROUP GROUP nog c STREAMS s >", "XREADGROUP GROUP g c STREAMS nos2 >",
            "XREADGROUP GROUP g c STREAMS s $", "XADD s2 1-1 a 1", "XREADGROUP GROUP g c STREAMS s s2 > >", "XPENDING s g", "XREADGROUP GROUP g c STREAMS s2 s > >", "XREADGROUP STREAMS s >", "XREADGROUP GROUP g STREAMS s >", "XREADGROUP GROUP g c STREAMS s", "XREADGROUP GROUP g c FOO STREAMS s >",
            "XINFO GROUPS s",
            "XPENDING s g", "XPENDING s g - + 10 nobody", "XPENDING s g IDLE 99999999 - + 10 c2", "XPENDING s g IDLE 99999999 - + 10",
            "XPENDING s g - + 0", "XPENDING s g IDLE 99999999 (1-1 + 10 c2", "XPENDING s g - +", "XPENDING s g - + x", "XPENDING s g IDLE x - + 10", "XPENDING s g IDLE 1 - +",
            "XPENDING s nog", "XPENDING nokey g", "XPENDING s g2", "XPENDING s g bad + 10",
            "XACK s g 1-1", "XACK s g 1-1", "XACK s g bad", "XACK s nog 1-1", "XACK nokey g 1-1", "XPENDING s g",
            "XCLAIM s g c3 0 2-1 JUSTID", "XPENDING s g", "XCLAIM s g c1 0 3-1", "XCLAIM s g c1 0 9-9 JUSTID", "XCLAIM s g c1 x 3-1",
            "XCLAIM s g c1 0 3-1 FOO", "XCLAIM s g c1 0 3-1 IDLE x", "XCLAIM s g c1 0 3-1 TIME x", "XCLAIM s g c1 0 3-1 RETRYCOUNT x", "XCLAIM s g c1 0 3-1 LASTID bad",
            "XCLAIM s nog c1 0 3-1", "XCLAIM nokey g c1 0 3-1", "XCLAIM s g c1 0 3-1 RETRYCOUNT 7 JUSTID", "XPENDING s g",
            "XCLAIM s g2 c9 0 1-1 FORCE JUSTID", "XPENDING s g2", "XCLAIM s g c1 99999999 2-1 JUSTID",
            "XAUTOCLAIM s g c4 0 - COUNT 1", "XAUTOCLAIM s g c4 0 - JUSTID", "XAUTOCLAIM s g c4 0 0 COUNT 0", "XAUTOCLAIM s g c4 x 0", "XAUTOCLAIM s g c4 0 bad",
            "XAUTOCLAIM s g c4 0 0 FOO", "XAUTOCLAIM s nog c4 0 0", "XDEL s 3-1", "XAUTOCLAIM s g c5 0 0", "XPENDING s g",
            "XREADGROUP GROUP g c5 STREAMS s 0", "XGROUP SETID s g 0", "XREADGROUP GROUP g c6 NOACK STREAMS s >", "XPENDING s g", "XINFO GROUPS s",
            "XGROUP SETID s g $ ENTRIESREAD 3", "XGROUP SETID s nog 0", "XGROUP SETID s g bad", "XGROUP SETID nokey g 0", "XINFO GROUPS s",
            "XGROUP CREATECONSUMER s g c9", "XGROUP CREATECONSUMER s g c9", "XGROUP CREATECONSUMER s nog c9", "XGROUP DELCONSUMER s g c4", "XGROUP DELCONSUMER s g nobody",
            "XPENDING s g", "XGROUP DESTROY s g3", "XGROUP DESTROY s g3", "XGROUP DESTROY nokey g", "XGROUP DESTROY s", "XINFO GROUPS s", "XINFO CONSUMERS s nog", "XINFO CONSUMERS nokey g",
            "XINFO STREAM s", "XINFO STREAM s FOO", "XINFO STREAM nokey", "XINFO STREAM nokey FOO", "XINFO STREAM s FULL COUNT x", "XINFO STREAM s FULL FOO", "XINFO STREAM s FULL COUNT", "XINFO STREAM s FULL COUNT 1 COUNT 2", "XINFO STREAM s FOO COUNT 1",
            "SET str x", "XGROUP CREATE str g 0", "XREADGROUP GROUP g c STREAMS str >", "XACK str g 1-1", "XPENDING str g", "XCLAIM str g c 0 1-1", "XINFO GROUPS str",
            "XADD s 4-1 d 4", "XADD s 5-1 e 5", "XREADGROUP GROUP g2 c COUNT 1 STREAMS s >", "XINFO GROUPS s", "XDEL s 5-1", "XINFO GROUPS s", "XTRIM s MAXLEN 0", "XINFO GROUPS s",
            "HELLO 3", "XINFO GROUPS s", "XREADGROUP GROUP g2 c STREAMS s 0", "XPENDING s g2", "HELLO 2",
        ],
        ["lists"] =
        [
            "RPUSH l a b c", "LPUSH l x y", "LRANGE l 0 -1", "LLEN l", "LLEN nokey", "LPUSHX nokey a", "RPUSHX l z", "EXISTS nokey", "LPUSH l",
            "LRANGE l 1 2", "LRANGE l -2 -1", "LRANGE l 5 1", "LRANGE l -100 100", "LRANGE l a b", "LRANGE nokey 0 -1",
            "LINDEX l 0", "LINDEX l -1", "LINDEX l 99", "LINDEX l x", "LINDEX nokey 0",
            "LSET l 0 first", "LSET l -1 last", "LSET l 99 x", "LSET nokey 0 x", "LSET l x y", "LRANGE l 0 -1",
            "LPOP l", "RPOP l", "LPOP l 2", "RPOP l 0", "LPOP l -1", "LPOP l x", "LPOP nokey", "LPOP nokey 2", "RPOP l 1 2", "LRANGE l 0 -1",
            "RPUSH r a b a c a d a", "LREM r 2 a", "LRANGE r 0 -1", "LREM r -1 a", "LRANGE r 0 -1", "LREM r 0 a", "LRANGE r 0 -1", "LREM r 0 nope", "LREM nokey 0 a", "LREM r x a",
            "LINSERT r BEFORE c x", "LINSERT r AFTER d y", "LINSERT r AFTER nope y", "LINSERT r MIDDLE c y", "LINSERT nokey BEFORE a b", "LRANGE r 0 -1",
            "RPUSH t 1 2 3 4 5 6", "LTRIM t 1 -2", "LRANGE t 0 -1", "LTRIM t 10 20", "EXISTS t", "LTRIM nokey 0 1", "LTRIM t x 1",
            "RPUSH p a b c a b c a", "LPOS p a", "LPOS p a RANK 2", "LPOS p a RANK -1", "LPOS p a COUNT 0", "LPOS p a COUNT 2 RANK -1", "LPOS p a MAXLEN 3 COUNT 0",
            "LPOS p nope", "LPOS p nope COUNT 1", "LPOS nokey a", "LPOS nokey a COUNT 1", "LPOS p a RANK 0", "LPOS p a COUNT -1", "LPOS p a MAXLEN -1", "LPOS p a FOO 1", "LPOS p a RANK",
            "RPUSH {m}src a b c", "LMOVE {m}src {m}dst LEFT RIGHT", "LMOVE {m}src {m}dst RIGHT LEFT", "LRANGE {m}src 0 -1", "LRANGE {m}dst 0 -1", "LMOVE {m}src {m}src LEFT RIGHT",
            "LMOVE {m}src {m}dst UP DOWN", "LMOVE {m}none {m}dst LEFT LEFT", "RPOPLPUSH {m}dst {m}src", "LRANGE {m}src 0 -1",
            "RPUSH srcx 1 2 3", "LMOVE srcx dsty LEFT LEFT", "RPOPLPUSH srcx dsty", "LRANGE srcx 0 -1", "LRANGE dsty 0 -1", "LMOVE nosrc dsty LEFT LEFT",
            "SET str v", "LPUSH str a", "LRANGE str 0 -1", "LPOP str", "LLEN str", "LMOVE srcx str LEFT LEFT", "LMOVE str srcx LEFT LEFT", "LRANGE srcx 0 -1", "TYPE srcx",
        ],
        ["lists-pop-and-block"] =
        [
            "RPUSH q a b c d e", "LMPOP 1 q LEFT", "LMPOP 2 nokey q RIGHT COUNT 2", "LMPOP 2 nokey nokey2 LEFT", "LMPOP 1 q LEFT COUNT 10", "EXISTS q",
            "LMPOP 0 q LEFT", "LMPOP x q LEFT", "LMPOP 2 q LEFT", "LMPOP 1 q UP", "LMPOP 1 q LEFT COUNT 0", "LMPOP 1 q LEFT COUNT 1 COUNT 2", "LMPOP 1 q LEFT FOO",
            "RPUSH q a b c", "BLPOP q 0", "BRPOP nokey q 1", "BLPOP nokey 0.01", "BRPOP nokey 0.02", "BLPOP q x", "BLPOP q -1", "BLPOP q",
            "BLMPOP 0 1 q LEFT", "BLMPOP 0.01 1 nokey RIGHT", "BLMPOP x 1 q LEFT", "BLMPOP 0 0 q LEFT", "LRANGE q 0 -1",
            "RPUSH {b}src 1 2 3", "BLMOVE {b}src {b}dst LEFT RIGHT 0", "BRPOPLPUSH {b}src {b}dst 0", "LRANGE {b}dst 0 -1", "BLMOVE {b}none {b}dst LEFT LEFT 0.01",
            "BLMOVE {b}src {b}dst UP LEFT 0", "BLMOVE {b}src {b}dst LEFT LEFT -1", "BRPOPLPUSH {b}none {b}dst 0.01",
            "RPUSH bsrc 1 2", "BLMOVE bsrc bdst RIGHT LEFT 0", "BRPOPLPUSH bsrc bdst 0", "LRANGE bdst 0 -1", "EXISTS bsrc", "BRPOPLPUSH bsrc bdst 0.01",
            "SET str v", "BLPOP str 0", "BLPOP nokey str 0", "LMPOP 2 nokey str LEFT", "RPUSH l2 x", "BLMOVE l2 str LEFT LEFT 0", "LRANGE l2 0 -1",
        ],
        ["sets"] =
        [
            "SADD s a b c", "SADD s a d", "SCARD s", "SCARD nokey", "SISMEMBER s a", "SISMEMBER s z", "SISMEMBER nokey a", "SMISMEMBER s a z b", "SMISMEMBER nokey a",
            "SMEMBERS s", "SMEMBERS nokey", "SREM s a z", "SREM nokey a", "SMEMBERS s", "SADD s", "TYPE s",
            "SADD one x", "SPOP one", "EXISTS one", "SPOP nokey", "SPOP nokey 2", "SADD one x", "SPOP one 5", "SPOP s 0", "SPOP s -1", "SPOP s x", "SPOP s 1 2",
            "SADD one x", "SRANDMEMBER one", "SRANDMEMBER one 3", "SRANDMEMBER one -3", "SRANDMEMBER one 0", "SRANDMEMBER nokey", "SRANDMEMBER nokey 2", "SRANDMEMBER one x",
            "SADD {k}a 1 2 3 4", "SADD {k}b 3 4 5", "SADD {k}c 4 6", "SINTER {k}a {k}b", "SINTER {k}a {k}b {k}c", "SINTER {k}a {k}none", "SUNION {k}a {k}b {k}none", "SDIFF {k}a {k}b {k}c", "SDIFF {k}none {k}a",
            "SINTERSTORE {k}d {k}a {k}b", "SMEMBERS {k}d", "SUNIONSTORE {k}d {k}a {k}c", "SMEMBERS {k}d", "SDIFFSTORE {k}d {k}a {k}a", "EXISTS {k}d",
            "SINTERCARD 2 {k}a {k}b", "SINTERCARD 2 {k}a {k}b LIMIT 1", "SINTERCARD 0 {k}a", "SINTERCARD 3 {k}a {k}b", "SINTERCARD 1 {k}a LIMIT -1", "SINTERCARD x {k}a", "SINTERCARD 1 {k}a FOO",
            "SMOVE {k}a {k}b 1", "SMOVE {k}a {k}b 1", "SMOVE {k}a {k}a 2", "SMOVE {k}none {k}a 2", "SMEMBERS {k}b",
            "SADD xa 1 2 3 4", "SADD yb 3 4 5", "SADD zc 4 6", "SINTER xa yb zc", "SUNION xa yb nokey", "SDIFF xa yb zc", "SINTER xa nokey", "SINTERSTORE dest xa yb", "SMEMBERS dest",
            "SUNIONSTORE dest xa zc", "SMEMBERS dest", "SDIFFSTORE dest xa xa", "EXISTS dest", "SINTERCARD 3 xa yb zc", "SMOVE xa yb 1", "SMEMBERS yb", "SMOVE nokey yb 1",
            "SET str v", "SADD str a", "SMEMBERS str", "SINTER xa str", "SINTER nokey str", "SUNION xa str", "SMOVE xa str 2", "SMOVE str xa 2", "SINTERSTORE str xa yb", "TYPE str",
            "SADD small a b", "SSCAN small 0", "SSCAN small 0 MATCH a*", "SSCAN nokey 0",
        ],
        ["transactions"] =
        [
            "MULTI", "SET {t}a 1", "INCR {t}a", "GET {t}a", "EXEC", "EXEC", "DISCARD", "MULTI", "MULTI", "DISCARD", "UNWATCH",
            "MULTI", "SET {t}b 1", "FOO", "EXEC", "GET {t}b", "MULTI", "SET {t}c", "EXEC", "EXISTS {t}c",
            "MULTI", "SET {t}s v", "LPUSH {t}s x", "GET {t}s", "EXEC", "MULTI", "EXEC",
            "WATCH {t}w", "SET {t}w changed", "MULTI", "SET {t}w mine", "EXEC", "GET {t}w",
            "WATCH {t}x", "MULTI", "SET {t}x mine", "EXEC", "GET {t}x", "WATCH {t}nokey", "MULTI", "SET {t}x again", "EXEC",
            "MULTI", "WATCH {t}y", "DISCARD", "WATCH {t}z", "UNWATCH", "SET {t}z other", "MULTI", "INCR {t}z", "EXEC", "WATCH",
            "WATCH {t}d", "SET {t}d v", "DEL {t}d", "MULTI", "SET {t}e v", "EXEC", "EXISTS {t}e",
            "MULTI", "PING", "SET {t}p v", "ECHO hi", "UNWATCH", "GET {t}p", "PING there", "EXEC", "MULTI", "PING", "EXEC", "WATCH {t}q", "SET {t}q x", "MULTI", "PING", "EXEC",
            "MULTI", "RPUSH {t}l a b", "LMOVE {t}l {t}m LEFT LEFT", "SADD {t}s1 1 2", "SADD {t}s2 2", "SINTER {t}s1 {t}s2", "MSET {t}a 1 {t}b 2", "MGET {t}a {t}b", "EXEC",
        ],
        ["scripting"] =
        [
            "EVAL \"return 1\" 0", "EVAL \"return 'hi'\" 0", "EVAL \"return {1,2,'three'}\" 0", "EVAL \"return nil\" 0", "EVAL \"return true\" 0", "EVAL \"return false\" 0",
            "EVAL \"return 3.99\" 0", "EVAL \"return {1,nil,3}\" 0", "EVAL \"return redis.status_reply('FINE')\" 0", "EVAL \"return redis.error_reply('MY error')\" 0",
            "EVAL \"return redis.call('SET', KEYS[1], ARGV[1])\" 1 {s}k v", "EVAL \"return redis.call('GET', KEYS[1])\" 1 {s}k", "EVAL \"return redis.call('INCR', KEYS[1])\" 1 {s}n",
            "EVAL \"return redis.pcall('INCR', KEYS[1])\" 1 {s}k", "EVAL \"return KEYS[1] .. ARGV[1]\" 1 a b", "EVAL \"return #ARGV\" 0 a b c", "EVAL \"return redis.call('EXISTS', KEYS[1], KEYS[2])\" 2 {s}k {s}nokey",
            "EVAL \"redis.call('RPUSH', KEYS[1], 'a', 'b'); return redis.call('LRANGE', KEYS[1], 0, -1)\" 1 {s}l", "EVAL \"return redis.call('HGETALL', KEYS[1])\" 1 {s}nohash",
            "EVAL \"local v = tonumber(redis.call('GET', KEYS[1]) or '0') + 5; redis.call('SET', KEYS[1], v); return v\" 1 {s}counter", "GET {s}counter",
            "EVAL \"return redis.sha1hex('')\" 0", "EVAL \"local r = redis.call('nosuch') return r\" 0", "EVAL \"return redis.pcall('nosuch')\" 0",
            "EVAL \"local x = 1\nlocal r = redis.call('get')\nreturn r\" 0", "EVAL_RO \"local r = redis.call('SET', KEYS[1], 'v') return r\" 1 {s}k",
            "EVAL \"local r = redis.call() return r\" 0", "EVAL \"return redis.call('ZSCORE', KEYS[1], 'm')\" 1 {s}nozset",
            "SCRIPT LOAD \"return 42\"", "EVAL1fa00e76656cc152ad327c13fe365858fd7be306 1fa00e76656cc152ad327c13fe365858fd7be306 0", "EVAL1fa00e76656cc152ad327c13fe365858fd7be306 1FA00E76656CC152AD327C13FE365858FD7BE306 0", "SCRIPT EXISTS 1fa00e76656cc152ad327c13fe365858fd7be306 ffffffffffffffffffffffffffffffffffffffff", "EVAL1fa00e76656cc152ad327c13fe365858fd7be306 ffffffffffffffffffffffffffffffffffffffff 0",
            "EVAL \"return 1\" -1", "EVAL \"return 1\" 5", "EVAL \"return 1\" x", "EVAL_RO \"return redis.call('GET', KEYS[1])\" 1 {s}k", "SCRIPT FOO", "SCRIPT KILL", "EVAL", "SCRIPT FLUSH", "EVAL1fa00e76656cc152ad327c13fe365858fd7be306 1fa00e76656cc152ad327c13fe365858fd7be306 0",
        ],
        ["bitmaps"] =
        [
            "SETBIT b 7 1", "SETBIT b 7 0", "SETBIT b 7 1", "SETBIT b 100 1", "GET b", "STRLEN b", "GETBIT b 7", "GETBIT b 6", "GETBIT b 100000", "GETBIT nokey 3",
            "SETBIT b -1 1", "SETBIT b x 1", "SETBIT b 1 2", "SETBIT b 1 x", "SETBIT b 4294967296 1", "GETBIT b -1",
            "SET s foobar", "BITCOUNT s", "BITCOUNT s 0 0", "BITCOUNT s 1 1", "BITCOUNT s 1 -2", "BITCOUNT s -3 -1", "BITCOUNT s 5 1", "BITCOUNT s 0 -1 BIT", "BITCOUNT s 5 30 BIT",
            "BITCOUNT s -9 -1 BIT", "BITCOUNT s 0", "BITCOUNT s 0 1 FOO", "BITCOUNT s a b", "BITCOUNT nokey", "BITCOUNT nokey 0", "BITCOUNT s 0 100",
            "SET p \"\\xff\\xf0\\x00\"", "BITPOS p 0", "BITPOS p 1", "BITPOS p 1 2", "BITPOS p 0 0 0", "BITPOS p 0 0 -1", "BITPOS p 1 7 15 BIT", "BITPOS p 0 0 7 BIT", "BITPOS p 2",
            "BITPOS p 1 5 1", "BITPOS nokey 0", "BITPOS nokey 1", "BITPOS nokey 1 x", "BITPOS p 1 x", "BITPOS p 1 0 0 FOO", "SET ones \"\\xff\\xff\"", "BITPOS ones 0", "BITPOS ones 0 0 -1",
            "SET e \"\"", "BITPOS e 0", "BITPOS e 1", "BITCOUNT e",
            "SET {o}a abc", "SET {o}b ab", "BITOP AND {o}d {o}a {o}b", "GET {o}d", "BITOP OR {o}d {o}a {o}b", "GET {o}d", "BITOP XOR {o}d {o}a {o}b", "GET {o}d", "BITOP NOT {o}d {o}a", "GET {o}d",
            "BITOP NOT {o}d {o}a {o}b", "BITOP FOO {o}d {o}a", "BITOP AND {o}d {o}none", "EXISTS {o}d", "BITOP OR {o}d {o}none {o}a", "GET {o}d",
            "SET xa abc", "SET yb ab", "BITOP OR zd xa yb", "GET zd", "BITOP AND zd xa nokey", "GET zd",
            "HSET h f v", "SETBIT h 1 1", "GETBIT h 1", "BITCOUNT h", "BITPOS h 1", "BITOP AND {o}d {o}a h", "BITOP AND {o}h {o}a", "SET {o}h x", "BITOP FOO {o}d {o}h",
        ],
        ["bitfield"] =
        [
            "BITFIELD bf SET i8 0 100 GET i8 0 SET u4 8 15 GET u4 8 GET u16 0", "GET bf", "STRLEN bf", "BITFIELD bf INCRBY i8 0 27 INCRBY i8 0 1 INCRBY u4 8 1", "GET bf",
            "BITFIELD bf OVERFLOW SAT INCRBY i8 0 200 INCRBY i8 0 -300 INCRBY u4 8 100 INCRBY u4 8 -100 OVERFLOW WRAP INCRBY u4 8 -1", "GET bf",
            "BITFIELD bf OVERFLOW FAIL INCRBY i8 0 -200 INCRBY u4 8 16 SET u2 20 4 SET i3 30 -4 SET i3 30 -5 GET i3 30", "GET bf",
            "BITFIELD bf OVERFLOW SAT SET u2 20 4 SET i3 30 5 GET u2 20 SET i3 30 -9 GET i3 30 OVERFLOW WRAP SET u2 20 5 GET u2 20 SET i3 30 5 GET i3 30 SET u8 0 -1 GET u8 0",
            "BITFIELD w SET u8 #1 255 GET u8 #1 GET u4 #3 SET i16 #2 -2 GET i16 #2 GET u8 #0", "GET w", "BITFIELD w GET i1 0 GET u1 8 GET i1 8 GET i64 0 GET u63 0 GET u63 1 GET i5 3",
            "BITFIELD big SET i64 0 -1 GET u63 1 GET i64 0 INCRBY i64 0 -9223372036854775808 OVERFLOW FAIL INCRBY i64 0 -1 INCRBY i64 0 1",
            "BITFIELD big OVERFLOW SAT INCRBY i64 0 9223372036854775807 INCRBY i64 64 -9223372036854775808 INCRBY i64 64 -1 OVERFLOW WRAP INCRBY i64 64 -1", "GET big",
            "BITFIELD big SET u63 0 9223372036854775807 INCRBY u63 0 1 OVERFLOW SAT INCRBY u63 0 -1 INCRBY u63 0 9223372036854775807 SET i64 0 -9223372036854775808",
            "BITFIELD fail OVERFLOW FAIL SET u2 10 7", "EXISTS fail", "GET fail", "BITFIELD nokey GET u8 0 GET i8 100", "EXISTS nokey", "BITFIELD nokey", "BITFIELD_RO nokey", "BITFIELD_RO nokey GET u8 0",
            "SET str abc", "BITFIELD str GET u8 0 GET u8 8 GET u24 0 GET i8 16 GET u8 24 GET u16 20", "BITFIELD_RO str GET u8 #1 GET i4 #5 OVERFLOW WRAP", "BITFIELD str SET u8 40 33", "GET str",
            "BITFIELD_RO str SET u8 0 1", "BITFIELD_RO str INCRBY i8 0 1", "BITFIELD_RO str SET u8 0 x", "BITFIELD_RO str SET u9x 0 1", "BITFIELD_RO str GET u8 0 SET u8 0 1",
            "BITFIELD str GET u8", "BITFIELD str FOO", "BITFIELD str OVERFLOW", "BITFIELD str OVERFLOW BAD GET u8 0", "BITFIELD str overflow sat incrby u8 0 1000", "bitfield str get U8 0",
            "BITFIELD str GET u64 0", "BITFIELD str GET i65 0", "BITFIELD str GET u0 0", "BITFIELD str GET u08 0", "BITFIELD str GET x8 0", "BITFIELD str GET \"\" 0", "BITFIELD str GET i-1 0",
            "BITFIELD str GET u8 -1", "BITFIELD str GET u8 #-1", "BITFIELD str GET u8 #", "BITFIELD str GET u8 x", "BITFIELD str GET u8 4294967296", "BITFIELD str GET u8 #536870912", "BITFIELD str GET u8 4294967295",
            "BITFIELD str SET u8 0 x", "BITFIELD str INCRBY u8 0 1.5", "BITFIELD str SET u8 0 99999999999999999999", "BITFIELD str GET u8 0 SET i8 -1 1", "GET str",
            "HSET h f v", "BITFIELD h GET u8 0", "BITFIELD h SET u8 0 1", "BITFIELD_RO h GET u8 0", "BITFIELD_RO h SET u8 0 1", "BITFIELD h GET u8 -1",
            "BITFIELD", "BITFIELD_RO",
        ],
        ["hyperloglog"] =
        [
            "PFADD h a b c", "PFADD h a", "PFADD h", "GET h", "PFCOUNT h", "GET h", "TYPE h", "STRLEN h", "PFADD h d", "GET h", "PFCOUNT h h",
            "PFADD fresh", "GET fresh", "PFCOUNT fresh", "GET fresh", "PFCOUNT nokey", "PFCOUNT nokey other", "EXISTS nokey",
            "PFADD", "PFCOUNT", "PFMERGE",
            "PFADD lengths x xy xyz abcdefg abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq \"\" \"\\xff\\x00\\x80\"", "GET lengths", "PFCOUNT lengths",
            "SET s notanhll", "PFADD s a", "PFCOUNT s", "PFCOUNT h s", "PFMERGE s", "PFMERGE {m}d s", "SET n 12345", "PFCOUNT n",
            "HSET hh f v", "PFADD hh a", "PFCOUNT hh", "PFCOUNT h hh", "PFCOUNT hh s", "PFMERGE hh h", "PFMERGE h hh",
            "SET short HYLL", "PFCOUNT short", "SET enc2 \"HYLL\\x02\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x7f\\xff\"", "PFCOUNT enc2",
            "SET denseshort \"HYLL\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x7f\\xff\"", "PFCOUNT denseshort", "PFADD denseshort a",
            "SET cached \"HYLL\\x01\\x00\\x00\\x00\\x2a\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x7f\\xff\"", "PFCOUNT cached", "PFCOUNT cached nokey", "PFADD cached a", "PFCOUNT cached",
            "SET bad \"HYLL\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x80\\x80\"", "PFCOUNT bad", "PFCOUNT bad h", "PFMERGE {m}d2 bad", "EXISTS {m}d2",
            "PFADD app a", "APPEND app x", "PFCOUNT app",
            "PFADD {m}a x y z", "PFADD {m}b z w", "PFMERGE {m}c {m}a {m}b", "GET {m}c", "PFCOUNT {m}c", "PFCOUNT {m}a {m}b", "PFMERGE {m}a {m}b", "GET {m}a",
            "PFMERGE {m}e", "GET {m}e", "PFMERGE {m}e {m}nokey", "PFCOUNT {m}e",
            "PFADD t a", "EXPIRE t 100", "PFADD t b", "TTL t", "PFMERGE t h", "TTL t", "PFCOUNT t",
            "PFADD {m}big " + Elements("e", 0, 3000), "STRLEN {m}big", "GET {m}big", "PFCOUNT {m}big", "PFADD {m}big e1 e2", "PFADD {m}big newone", "GET {m}big",
            "PFMERGE {m}c {m}big", "STRLEN {m}c", "GET {m}c", "PFCOUNT {m}c {m}a", "PFMERGE across {m}a {m}big h", "GET across", "PFCOUNT across", "PFCOUNT h {m}big lengths",
            .. Enumerable.Range(0, 12).SelectMany(i => new[] { "PFADD grow " + Elements("g" + i + "-", 0, 150), "GET grow", "PFCOUNT grow" }),
            // Registers up to 51 (the longest run the hash gives) and beyond, which no element would reach in a test.
            "SET {m}crafted " + DenseHll(i => i % 53), "PFCOUNT {m}crafted", "GET {m}crafted", "PFADD {m}crafted a b c", "PFCOUNT {m}crafted", "PFCOUNT {m}crafted {m}a",
            "PFMERGE {m}c2 {m}a {m}crafted", "GET {m}c2", "PFCOUNT {m}c2", "PFMERGE {m}crafted {m}big", "PFCOUNT {m}crafted",
            "SET all51 " + DenseHll(_ => 51), "PFCOUNT all51", "SET half51 " + DenseHll(i => i % 2 == 0 ? 51 : 0), "PFCOUNT half51", "SET top " + DenseHll(i => 40 + i % 24), "PFCOUNT top",
            "PFADD {w}k a", "WATCH {w}k", "PFCOUNT {w}k", "MULTI", "PING", "EXEC", "WATCH {w}k", "PFCOUNT {w}k", "MULTI", "PING", "EXEC",
            "MULTI", "PFADD {w}x a b", "PFCOUNT {w}x", "PFMERGE {w}y {w}x {w}k", "PFCOUNT {w}x {w}y", "GET {w}y", "EXEC",
            "EVAL \"return redis.call('PFADD', KEYS[1], 'a', 'b')\" 1 {w}z", "EVAL \"return redis.call('PFCOUNT', KEYS[1], KEYS[2])\" 2 {w}z {w}x", "EVAL \"return redis.pcall('PFADD', KEYS[1], 'a')\" 1 s",
            "SET ones " + DenseHll(_ => 1), "PFCOUNT ones", "SET few " + DenseHll(i => i < 100 ? 3 : 0), "PFCOUNT few", "PFCOUNT few half51 all51",
        ],
        ["expiry-edge"] =
        [
            "SET k v PX 1", "DEBUG SLEEP 0", "SET e v EX 100", "EXPIRE e 100 LT", "EXPIRE e 200 LT", "TTL e", "EXPIRE nottl 10 XX", "SET nottl v", "EXPIRE nottl 10 XX", "EXPIRE nottl 10 LT", "TTL nottl",
            "SET gt v", "EXPIRE gt 10 GT", "TTL gt",
        ],
    };

    /// <summary>A dense HyperLogLog with the given register values and a stale cached cardinality, quoted for an inline command.</summary>
    private static string DenseHll(Func<int, int> register)
    {
        var value = new byte[DataTier.Cache.Hll.HllLayout.DenseSize];
        "HYLL"u8.CopyTo(value);
        value[DataTier.Cache.Hll.HllLayout.HeaderSize - 1] = 0x80;
        for (var i = 0; i < DataTier.Cache.Hll.HllLayout.Registers; i++) DataTier.Cache.Hll.HllDense.Raise(value.AsSpan(DataTier.Cache.Hll.HllLayout.HeaderSize), i, register(i));
        return "\"" + string.Concat(value.Select(b => $"\\x{b:x2}")) + "\"";
    }

    /// <summary>Elements prefix+first .. prefix+(first+count-1) as one space-separated argument list.</summary>
    private static string Elements(string prefix, int first, int count) =>
        string.Join(" ", Enumerable.Range(first, count).Select(i => prefix + i));
}
