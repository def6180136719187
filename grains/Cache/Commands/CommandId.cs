namespace DataTier.Cache.Commands;

/// <summary>Every command the cache understands, including the per-shard parts of whole-keyspace commands.</summary>
public enum CommandId : short
{
    Unknown,
    // connection and server (the session answers these)
    Ping, Echo, Select, Quit, Hello, Auth, Client, Command, Info, Config, Reset, Time, Save, BgSave, LastSave, Readonly, Readwrite, Wait, Memory, Acl, Cluster, Monitor, SlowLog, Latency,
    // transactions (the session queues; EXEC runs on one shard)
    Multi, Exec, Discard, Watch, Unwatch, ExecOnShard, WatchOnShard, UnwatchOnShard,
    // Lua scripts (the session resolves the script; it runs on one shard)
    Eval, EvalSha, EvalRo, EvalShaRo, Script, EvalOnShard,
    // Lua functions (the session finds the function; it runs on one shard)
    FCall, FCallRo, Function, FCallOnShard,
    // whole keyspace (fanned out to every shard)
    Keys, Scan, DbSize, FlushDb, FlushAll, RandomKey,
    // pub/sub
    Publish, Subscribe, Unsubscribe, PSubscribe, PUnsubscribe, PubSub, SPublish, SSubscribe, SUnsubscribe,
    // strings
    Get, Set, GetDel, GetEx, GetSet, MGet, MSet, MSetNx, SetNx, SetEx, PSetEx, Append, StrLen, GetRange, SetRange,
    Incr, IncrBy, IncrByFloat, Decr, DecrBy,
    // bitmaps (on strings)
    SetBit, GetBit, BitCount, BitPos, BitOp, BitField, BitFieldRo,
    // HyperLogLog (on strings)
    PfAdd, PfCount, PfMerge,
    // keys
    Del, Unlink, Exists, Touch, Expire, PExpire, ExpireAt, PExpireAt, ExpireTime, PExpireTime, Ttl, PTtl, Persist, Type, Rename, RenameNx,
    // hashes
    HSet, HMSet, HGet, HMGet, HDel, HExists, HGetAll, HKeys, HVals, HLen, HStrLen, HIncrBy, HIncrByFloat, HSetNx, HScan,
    // sorted sets
    ZAdd, ZRem, ZScore, ZMScore, ZIncrBy, ZCard, ZCount, ZLexCount, ZRange, ZRevRange, ZRangeByScore, ZRevRangeByScore,
    ZRangeByLex, ZRevRangeByLex, ZRank, ZRevRank, ZPopMin, ZPopMax, ZScan,
    ZRemRangeByRank, ZRemRangeByScore, ZRemRangeByLex, ZRandMember, ZUnion, ZInter, ZDiff, ZUnionStore, ZInterStore, ZDiffStore, ZInterCard,
    ZMPop, BZPopMin, BZPopMax, BZMPop, ZRangeStore,
    // ZRANGESTORE's range read on its source's shard, when its destination is on another (not in the RESP command table)
    ZRangeForStore,
    // the per-shard attempt of the blocking sorted set pops (not in the RESP command table)
    SortedSetPopOrAwait,
    // CLUSTER COUNTKEYSINSLOT and GETKEYSINSLOT on a shard (not in the RESP command table)
    KeysInSlot,
    // geo (on sorted sets)
    GeoAdd, GeoDist, GeoHash, GeoPos, GeoRadius, GeoRadiusRo, GeoRadiusByMember, GeoRadiusByMemberRo, GeoSearch, GeoSearchStore,
    // a storing geo search's search on its source's shard, when its destination is on another (not in the RESP command table)
    GeoSearchForStore,
    // lists
    LPush, RPush, LPushX, RPushX, LPop, RPop, LLen, LRange, LIndex, LSet, LTrim, LRem, LInsert, LPos, LMove, RPopLPush,
    LMPop, BLPop, BRPop, BLMove, BRPopLPush, BLMPop,
    // the per-shard attempts of the blocking list commands, and a blocking pop's leaving a key's line (not in the RESP command table)
    ListPopOrAwait, ListMoveOrAwait, LeaveLine,
    /// <summary>Internal: a RENAME's source removed after its value went to another shard (raises rename_from).</summary>
    RenameFrom,
    /// <summary>Internal: MEMORY USAGE's key on its shard (the bytes accounted for it, or nil).</summary>
    MemoryUsage,
    // sets
    SAdd, SRem, SIsMember, SMIsMember, SMembers, SCard, SPop, SRandMember, SScan, SMove,
    SInter, SUnion, SDiff, SInterStore, SUnionStore, SDiffStore, SInterCard,
    // streams
    XAdd, XLen, XRange, XRevRange, XDel, XTrim, XSetId, XRead, XReadGroup, XGroup, XAck, XPending, XClaim, XAutoClaim, XInfo,
    // the per-key attempts of XREAD and XREADGROUP (not in the RESP command table)
    StreamReadOrAwait, StreamReadGroupOrAwait,
    // memcached (sent by the memcached endpoint only; not in the RESP command table)
    McGet, McStore, McIncr, McTouch, McDelete, McSlabs,
    // keys, strings and hashes: COPY, OBJECT, LCS, HRANDFIELD, SORT, SORT_RO
    Copy, Object, Lcs, HRandField, Sort, SortRo,
    // keys: DUMP and RESTORE
    Dump, Restore,
    // a sort's elements loaded on its source's shard, and the values its BY and GET patterns name read on theirs, for a
    // sort the session runs across shards (not in the RESP command table)
    SortElements, SortPatternValues,
}
