namespace DataTier.Tests.Cache;

/// <summary>
/// The wider templates of <see cref="RandomCommandSequences"/>, by area: options in combination and their error cases
/// (wrong types, bad arguments, values out of range). Only deterministic forms: no idle-time thresholds above 0, random
/// counts only where they take the whole collection, relative expiries only where GT/LT cannot compare two of them.
/// </summary>
public static class RandomCommandTemplates
{
    public static readonly string[] StreamGroups =
    [
        "XGROUP CREATE {k} {g} {gid}", "XGROUP CREATE {k} {g} {gid} MKSTREAM", "XGROUP CREATE {k} {g} 0 ENTRIESREAD {n}", "XGROUP SETID {k} {g} {gid}",
        "XGROUP SETID {k} {g} {gid} ENTRIESREAD {u}", "XGROUP DESTROY {k} {g}", "XGROUP CREATECONSUMER {k} {g} {cn}", "XGROUP DELCONSUMER {k} {g} {cn}",
        "XREADGROUP GROUP {g} {cn} STREAMS {k} >", "XREADGROUP GROUP {g} {cn} COUNT {c} STREAMS {k} >", "XREADGROUP GROUP {g} {cn} NOACK STREAMS {k} >",
        "XREADGROUP GROUP {g} {cn} COUNT {c} NOACK STREAMS {k} {xid}", "XREADGROUP GROUP {g} {cn} STREAMS {k} {xid}", "XREADGROUP GROUP {g} {cn} STREAMS {k} {k} > {xid}",
        "XACK {k} {g} {id}", "XACK {k} {g} {id} {id} {id}", "XPENDING {k} {g}", "XPENDING {k} {g} - + {c}", "XPENDING {k} {g} IDLE 0 - + 10 {cn}",
        "XPENDING {k} {g} {xr} {xr} {c}", "XPENDING {k} {g} {xr} {xr} {c} {cn}", "XPENDING {k} {g} - + {n}",
        "XCLAIM {k} {g} {cn} 0 {id} {id}", "XCLAIM {k} {g} {cn} 0 {id} JUSTID", "XCLAIM {k} {g} {cn} 0 {id} FORCE RETRYCOUNT {u}",
        "XCLAIM {k} {g} {cn} 0 {id} {id} JUSTID LASTID {id}", "XCLAIM {k} {g} {cn} 0 {id} FORCE JUSTID", "XCLAIM {k} {g} {cn} 0 {id} RETRYCOUNT {n} JUSTID",
        "XCLAIM {k} {g} {cn} {n} {id}", "XAUTOCLAIM {k} {g} {cn} 0 {xs}", "XAUTOCLAIM {k} {g} {cn} 0 {xs} COUNT {c}", "XAUTOCLAIM {k} {g} {cn} 0 {xs} COUNT {c} JUSTID",
        "XAUTOCLAIM {k} {g} {cn} 0 {xs} COUNT {n}", "XINFO STREAM {k}", "XINFO STREAM {k} FULL", "XINFO STREAM {k} FULL COUNT {c}", "XINFO GROUPS {k}",
        "XINFO CONSUMERS {k} {g}", "XREAD STREAMS {k} {xid}", "XREAD COUNT {c} STREAMS {k} {k} {xid} {xid}", "XSETID {k} {id}",
        "XSETID {k} {id} ENTRIESADDED {u} MAXDELETEDID {id}", "XADD {k} {id} f {v} g {v}", "XADD {k} NOMKSTREAM {id} f {v}",
    ];

    public static readonly string[] Geo =
    [
        "GEOSEARCH {k} FROMMEMBER {m} BYRADIUS {rad} km {geo}", "GEOSEARCH {k} FROMLONLAT {lon} {lat} BYBOX {rad} {rad} km {geo}",
        "GEOSEARCH {k} FROMLONLAT {lon} {lat} BYRADIUS {rad} mi {geo}", "GEOSEARCHSTORE {k} {k} FROMMEMBER {m} BYRADIUS {rad} km {geostore}",
        "GEOSEARCHSTORE {k} {k} FROMLONLAT {lon} {lat} BYBOX {rad} {rad} km {geostore}", "GEORADIUS {k} {lon} {lat} {rad} km {geo}",
        "GEORADIUS_RO {k} {lon} {lat} {rad} km {geo}", "GEORADIUSBYMEMBER {k} {m} {rad} km {geo}", "GEORADIUSBYMEMBER_RO {k} {m} {rad} km {geo}",
        "GEORADIUS {k} {lon} {lat} {rad} km STORE {k}", "GEORADIUSBYMEMBER {k} {m} {rad} km COUNT {c} STOREDIST {k}", "GEOADD {k} {lon} {lat} {m} {lon} {lat} {m}",
    ];

    public static readonly string[] SortedSetRanges =
    [
        "ZRANGEBYSCORE {k} {sb} {sb}", "ZRANGEBYSCORE {k} {sb} {sb} WITHSCORES LIMIT {i} {i}", "ZREVRANGEBYSCORE {k} {sb} {sb} WITHSCORES",
        "ZREVRANGEBYSCORE {k} {sb} {sb} LIMIT {u} {i}", "ZRANGEBYLEX {k} {lb} {lb}", "ZRANGEBYLEX {k} {lb} {lb} LIMIT {i} {i}", "ZREVRANGEBYLEX {k} {lb} {lb} LIMIT {u} {c}",
        "ZREVRANGE {k} {i} {i}", "ZREVRANGE {k} {i} {i} WITHSCORES", "ZRANGE {k} {lb} {lb} BYLEX REV LIMIT {i} {i}", "ZRANGE {k} {i} {i} REV WITHSCORES",
        "ZRANGE {k} {sb} {sb} BYSCORE WITHSCORES LIMIT {i} {c}", "ZRANGE {k} {lb} {lb} BYLEX WITHSCORES", "ZRANGE {k} {i} {i} LIMIT 0 1", "ZRANGE {k} {sb} {sb} BYSCORE BYLEX",
        "ZREMRANGEBYLEX {k} {lb} {lb}", "ZINTER 2 {k} {k} WEIGHTS {w} {w} AGGREGATE {agg} WITHSCORES", "ZUNION 2 {k} {k} WEIGHTS {w} {w} AGGREGATE {agg} WITHSCORES",
        "ZUNION 2 {k} {k} AGGREGATE {agg}", "ZINTER 1 {k} WITHSCORES", "ZUNIONSTORE {k} 2 {k} {k} WEIGHTS {w} {w} AGGREGATE {agg}", "ZINTER 2 {k} {k} WEIGHTS {w}",
        "ZINTERSTORE {k} 2 {k} {k} WEIGHTS {w} {w}", "ZINTERCARD 2 {k} {k} LIMIT {lim}", "ZINTERCARD {lim} {k} {k}", "ZADD {k} {zf2} {s} {m}",
        "ZADD {k} INCR {s} {m} {s} {m}", "ZADD {k} {zf} {s} {m} {s}", "ZRANGESTORE {k} {k} {sb} {sb} BYSCORE LIMIT {u} {c}", "ZRANGESTORE {k} {k} {lb} {lb} BYLEX REV",
    ];

    public static readonly string[] StringsAndExpiry =
    [
        "SET {k} {v} EXAT {at}", "SET {k} {v} PXAT {atms}", "SET {k} {v} NX GET", "SET {k} {v} XX KEEPTTL", "SET {k} {v} GET EXAT {at}", "SET {k} {v} EX {ex}",
        "SET {k} {v} PX {exms} NX", "SET {k} {v} KEEPTTL PXAT {atms}", "SET {k} {v} GET GET", "GETEX {k} EXAT {at}", "GETEX {k} PXAT {atms}", "GETEX {k} EX {ex}",
        "GETEX {k} PERSIST EX 100", "GETEX {k} PERSIST", "INCRBYFLOAT {k} {xe}", "HINCRBYFLOAT {k} {f} {xe}", "SET {k} {xe}", "HSET {k} {f} {xe}", "SUBSTR {k} {i} {i}",
        "BITOP {bop} {k} {k} {k}", "BITOP NOT {k} {k}", "BITOP NOT {k} {k} {k}", "BITOP {bop} {k}", "BITFIELD_RO {k} GET u8 {u} GET i4 {u}", "BITFIELD_RO {k} SET u8 0 1",
        "BITFIELD_RO {k} GET u99 0", "BITFIELD {k} SET i8 {u} {n} OVERFLOW {ovf} INCRBY u2 {u} {n}", "EXPIRE {k} {ex} {ef}", "EXPIRE {k} 100 NX XX",
        "EXPIRE {k} 100 GT LT", "EXPIRE {k} 100 NX GT", "EXPIRE {k} 100 FOO", "PEXPIREAT {k} {atms} {eabs}", "EXPIREAT {k} {at} {eabs}", "PEXPIRETIME {k}", "COPY {k} {k} REPLACE",
    ];

    public static readonly string[] Collections =
    [
        "SORT {k} BY {p}", "SORT {k} BY nosort GET # GET {p}", "SORT {k} ALPHA GET {p}->f1", "SORT {k} LIMIT {i} {c} ALPHA STORE {k}", "SORT {k} BY {p}->f2 ALPHA DESC",
        "SORT_RO {k} ALPHA", "SORT {k} STORE {k}", "SORT {k} BY {p} GET # LIMIT {u} {i}", "SORT {k} LIMIT 0", "SORT_RO {k} STORE {k}",
        "SRANDMEMBER {k} 1000", "SRANDMEMBER {k} {rc}", "ZRANDMEMBER {k} 1000 WITHSCORES", "HRANDFIELD {k} 1000 WITHVALUES", "HRANDFIELD {k} 1000", "ZRANDMEMBER {k} {rc}",
        "SPOP {k} 1000", "LPOS {k} {v} RANK {rk} COUNT {cnt} MAXLEN {ml}", "LPOS {k} {v} COUNT {cnt}", "LPOS {k} {v} RANK {rk}", "SINTERCARD 2 {k} {k} LIMIT {lim}",
        "SINTERCARD 0 {k}", "SINTERCARD 3 {k} {k}", "SMOVE {k} {k} {u}", "SADD {k} {many}", "RPUSH {k} {many}", "HSET {k} {f} {long}", "ZADD {k} {s} {long}",
        "SET {k} {long}", "SADD {k} {long}", "HSET {k} {manypairs}", "ZADD {k} {manyscored}", "APPEND {k} {v}", "OBJECT ENCODING {k}", "OBJECT ENCODING {k}",
    ];
}
