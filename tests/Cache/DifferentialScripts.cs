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
        ["expiry-edge"] =
        [
            "SET k v PX 1", "DEBUG SLEEP 0", "SET e v EX 100", "EXPIRE e 100 LT", "EXPIRE e 200 LT", "TTL e", "EXPIRE nottl 10 XX", "SET nottl v", "EXPIRE nottl 10 XX", "EXPIRE nottl 10 LT", "TTL nottl",
            "SET gt v", "EXPIRE gt 10 GT", "TTL gt",
        ],
    };
}
