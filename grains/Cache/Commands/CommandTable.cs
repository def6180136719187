using static DataTier.Cache.Commands.CommandFlags;
using static DataTier.Cache.Commands.CommandRoute;

namespace DataTier.Cache.Commands;

/// <summary>The commands, found by name without allocating.</summary>
public static class CommandTable
{
    private const CommandFlags R = ReadOnly | Fast;
    private const CommandFlags W = Write | DenyOom | Fast;
    private const CommandFlags D = Write | Fast;

    public static readonly CommandSpec[] All =
    [
        new("ping", CommandId.Ping, -1, Fast | PubSubContext, 0, 0, 0, Session),
        new("echo", CommandId.Echo, 2, Fast, 0, 0, 0, Session),
        new("select", CommandId.Select, 2, Fast, 0, 0, 0, Session),
        new("quit", CommandId.Quit, -1, Fast | NoAuth | PubSubContext, 0, 0, 0, Session),
        new("hello", CommandId.Hello, -1, Fast | NoAuth, 0, 0, 0, Session),
        new("auth", CommandId.Auth, -2, Fast | NoAuth, 0, 0, 0, Session),
        new("client", CommandId.Client, -2, None, 0, 0, 0, Session),
        new("command", CommandId.Command, -1, None, 0, 0, 0, Session),
        new("info", CommandId.Info, -1, None, 0, 0, 0, Session),
        new("config", CommandId.Config, -2, None, 0, 0, 0, Session),
        new("reset", CommandId.Reset, 1, Fast | NoAuth | PubSubContext, 0, 0, 0, Session),
        new("time", CommandId.Time, 1, Fast, 0, 0, 0, Session),
        new("save", CommandId.Save, 1, None, 0, 0, 0, Session),
        new("bgsave", CommandId.BgSave, -1, None, 0, 0, 0, Session),
        new("lastsave", CommandId.LastSave, 1, Fast, 0, 0, 0, Session),
        new("readonly", CommandId.Readonly, 1, Fast, 0, 0, 0, Session),
        new("readwrite", CommandId.Readwrite, 1, Fast, 0, 0, 0, Session),
        new("wait", CommandId.Wait, 3, None, 0, 0, 0, Session),
        new("memory", CommandId.Memory, -2, None, 0, 0, 0, Session),
        new("acl", CommandId.Acl, -2, None, 0, 0, 0, Session),
        new("cluster", CommandId.Cluster, -2, None, 0, 0, 0, Session),
        new("monitor", CommandId.Monitor, 1, None, 0, 0, 0, Session),
        new("slowlog", CommandId.SlowLog, -2, None, 0, 0, 0, Session),
        new("latency", CommandId.Latency, -2, None, 0, 0, 0, Session),
        new("multi", CommandId.Multi, 1, Fast, 0, 0, 0, Session),
        new("exec", CommandId.Exec, 1, None, 0, 0, 0, Session),
        new("discard", CommandId.Discard, 1, Fast, 0, 0, 0, Session),
        new("watch", CommandId.Watch, -2, Fast, 1, -1, 1, Session),
        new("unwatch", CommandId.Unwatch, 1, Fast, 0, 0, 0, Session),
        new("eval", CommandId.Eval, -3, None, 0, 0, 0, Session),
        new("evalsha", CommandId.EvalSha, -3, None, 0, 0, 0, Session),
        new("eval_ro", CommandId.EvalRo, -3, ReadOnly, 0, 0, 0, Session),
        new("evalsha_ro", CommandId.EvalShaRo, -3, ReadOnly, 0, 0, 0, Session),
        new("script", CommandId.Script, -2, None, 0, 0, 0, Session),
        new("fcall", CommandId.FCall, -3, None, 0, 0, 0, Session),
        new("fcall_ro", CommandId.FCallRo, -3, ReadOnly, 0, 0, 0, Session),
        new("function", CommandId.Function, -2, None, 0, 0, 0, Session),

        new("keys", CommandId.Keys, 2, ReadOnly, 0, 0, 0, Cluster),
        new("scan", CommandId.Scan, -2, ReadOnly, 0, 0, 0, Cluster),
        new("dbsize", CommandId.DbSize, 1, ReadOnly | Fast, 0, 0, 0, Cluster),
        new("flushdb", CommandId.FlushDb, -1, Write, 0, 0, 0, Cluster),
        new("flushall", CommandId.FlushAll, -1, Write, 0, 0, 0, Cluster),
        new("randomkey", CommandId.RandomKey, 1, ReadOnly, 0, 0, 0, Cluster),

        new("publish", CommandId.Publish, 3, CommandFlags.PubSub | Fast, 0, 0, 0, Session),
        new("subscribe", CommandId.Subscribe, -2, CommandFlags.PubSub | PubSubContext, 0, 0, 0, Session),
        new("unsubscribe", CommandId.Unsubscribe, -1, CommandFlags.PubSub | PubSubContext, 0, 0, 0, Session),
        new("psubscribe", CommandId.PSubscribe, -2, CommandFlags.PubSub | PubSubContext, 0, 0, 0, Session),
        new("punsubscribe", CommandId.PUnsubscribe, -1, CommandFlags.PubSub | PubSubContext, 0, 0, 0, Session),
        new("pubsub", CommandId.PubSub, -2, CommandFlags.PubSub, 0, 0, 0, Session),
        // Shard channels are not keys here (no key positions): the ACL checks them as channels, as Redis' not_key flag says.
        new("spublish", CommandId.SPublish, 3, CommandFlags.PubSub | Fast, 0, 0, 0, Session),
        new("ssubscribe", CommandId.SSubscribe, -2, CommandFlags.PubSub | PubSubContext, 0, 0, 0, Session),
        new("sunsubscribe", CommandId.SUnsubscribe, -1, CommandFlags.PubSub | PubSubContext, 0, 0, 0, Session),

        new("get", CommandId.Get, 2, R, 1, 1, 1, SingleKey),
        new("set", CommandId.Set, -3, Write | DenyOom, 1, 1, 1, SingleKey),
        new("getdel", CommandId.GetDel, 2, D, 1, 1, 1, SingleKey),
        new("getex", CommandId.GetEx, -2, D, 1, 1, 1, SingleKey),
        new("getset", CommandId.GetSet, 3, W, 1, 1, 1, SingleKey),
        new("mget", CommandId.MGet, -2, R, 1, -1, 1, MultiKey),
        new("mset", CommandId.MSet, -3, Write | DenyOom, 1, -1, 2, MultiKey),
        new("msetnx", CommandId.MSetNx, -3, Write | DenyOom, 1, -1, 2, Cluster),
        new("setnx", CommandId.SetNx, 3, W, 1, 1, 1, SingleKey),
        new("setex", CommandId.SetEx, 4, Write | DenyOom, 1, 1, 1, SingleKey),
        new("psetex", CommandId.PSetEx, 4, Write | DenyOom, 1, 1, 1, SingleKey),
        new("append", CommandId.Append, 3, W, 1, 1, 1, SingleKey),
        new("strlen", CommandId.StrLen, 2, R, 1, 1, 1, SingleKey),
        new("getrange", CommandId.GetRange, 4, ReadOnly, 1, 1, 1, SingleKey),
        new("substr", CommandId.GetRange, 4, ReadOnly, 1, 1, 1, SingleKey),
        new("setrange", CommandId.SetRange, 4, Write | DenyOom, 1, 1, 1, SingleKey),
        new("incr", CommandId.Incr, 2, W, 1, 1, 1, SingleKey),
        new("incrby", CommandId.IncrBy, 3, W, 1, 1, 1, SingleKey),
        new("incrbyfloat", CommandId.IncrByFloat, 3, W, 1, 1, 1, SingleKey),
        new("decr", CommandId.Decr, 2, W, 1, 1, 1, SingleKey),
        new("decrby", CommandId.DecrBy, 3, W, 1, 1, 1, SingleKey),
        new("setbit", CommandId.SetBit, 4, W, 1, 1, 1, SingleKey),
        new("getbit", CommandId.GetBit, 3, R, 1, 1, 1, SingleKey),
        new("bitcount", CommandId.BitCount, -2, ReadOnly, 1, 1, 1, SingleKey),
        new("bitpos", CommandId.BitPos, -3, ReadOnly, 1, 1, 1, SingleKey),
        new("bitop", CommandId.BitOp, -4, Write | DenyOom, 2, -1, 1, Cluster),
        new("bitfield", CommandId.BitField, -2, Write | DenyOom, 1, 1, 1, SingleKey),
        new("bitfield_ro", CommandId.BitFieldRo, -2, R, 1, 1, 1, SingleKey),
        new("pfadd", CommandId.PfAdd, -2, W, 1, 1, 1, SingleKey),
        new("pfcount", CommandId.PfCount, -2, ReadOnly, 1, -1, 1, Cluster),
        new("pfmerge", CommandId.PfMerge, -2, Write | DenyOom, 1, -1, 1, Cluster),

        new("del", CommandId.Del, -2, Write, 1, -1, 1, MultiKey),
        new("unlink", CommandId.Unlink, -2, D, 1, -1, 1, MultiKey),
        new("exists", CommandId.Exists, -2, R, 1, -1, 1, MultiKey),
        new("touch", CommandId.Touch, -2, R, 1, -1, 1, MultiKey),
        new("expire", CommandId.Expire, -3, D, 1, 1, 1, SingleKey),
        new("pexpire", CommandId.PExpire, -3, D, 1, 1, 1, SingleKey),
        new("expireat", CommandId.ExpireAt, -3, D, 1, 1, 1, SingleKey),
        new("pexpireat", CommandId.PExpireAt, -3, D, 1, 1, 1, SingleKey),
        new("expiretime", CommandId.ExpireTime, 2, R, 1, 1, 1, SingleKey),
        new("pexpiretime", CommandId.PExpireTime, 2, R, 1, 1, 1, SingleKey),
        new("ttl", CommandId.Ttl, 2, R, 1, 1, 1, SingleKey),
        new("pttl", CommandId.PTtl, 2, R, 1, 1, 1, SingleKey),
        new("persist", CommandId.Persist, 2, D, 1, 1, 1, SingleKey),
        new("type", CommandId.Type, 2, R, 1, 1, 1, SingleKey),
        new("rename", CommandId.Rename, 3, Write, 1, 2, 1, Cluster),
        new("renamenx", CommandId.RenameNx, 3, D, 1, 2, 1, Cluster),

        new("hset", CommandId.HSet, -4, W, 1, 1, 1, SingleKey),
        new("hmset", CommandId.HMSet, -4, W, 1, 1, 1, SingleKey),
        new("hget", CommandId.HGet, 3, R, 1, 1, 1, SingleKey),
        new("hmget", CommandId.HMGet, -3, R, 1, 1, 1, SingleKey),
        new("hdel", CommandId.HDel, -3, D, 1, 1, 1, SingleKey),
        new("hexists", CommandId.HExists, 3, R, 1, 1, 1, SingleKey),
        new("hgetall", CommandId.HGetAll, 2, ReadOnly, 1, 1, 1, SingleKey),
        new("hkeys", CommandId.HKeys, 2, ReadOnly, 1, 1, 1, SingleKey),
        new("hvals", CommandId.HVals, 2, ReadOnly, 1, 1, 1, SingleKey),
        new("hlen", CommandId.HLen, 2, R, 1, 1, 1, SingleKey),
        new("hstrlen", CommandId.HStrLen, 3, R, 1, 1, 1, SingleKey),
        new("hincrby", CommandId.HIncrBy, 4, W, 1, 1, 1, SingleKey),
        new("hincrbyfloat", CommandId.HIncrByFloat, 4, W, 1, 1, 1, SingleKey),
        new("hsetnx", CommandId.HSetNx, 4, W, 1, 1, 1, SingleKey),
        new("hscan", CommandId.HScan, -3, ReadOnly, 1, 1, 1, SingleKey),

        new("zadd", CommandId.ZAdd, -4, W, 1, 1, 1, SingleKey),
        new("zrem", CommandId.ZRem, -3, D, 1, 1, 1, SingleKey),
        new("zscore", CommandId.ZScore, 3, R, 1, 1, 1, SingleKey),
        new("zmscore", CommandId.ZMScore, -3, R, 1, 1, 1, SingleKey),
        new("zincrby", CommandId.ZIncrBy, 4, W, 1, 1, 1, SingleKey),
        new("zcard", CommandId.ZCard, 2, R, 1, 1, 1, SingleKey),
        new("zcount", CommandId.ZCount, 4, R, 1, 1, 1, SingleKey),
        new("zlexcount", CommandId.ZLexCount, 4, R, 1, 1, 1, SingleKey),
        new("zrange", CommandId.ZRange, -4, ReadOnly, 1, 1, 1, SingleKey),
        new("zrevrange", CommandId.ZRevRange, -4, ReadOnly, 1, 1, 1, SingleKey),
        new("zrangebyscore", CommandId.ZRangeByScore, -4, ReadOnly, 1, 1, 1, SingleKey),
        new("zrevrangebyscore", CommandId.ZRevRangeByScore, -4, ReadOnly, 1, 1, 1, SingleKey),
        new("zrangebylex", CommandId.ZRangeByLex, -4, ReadOnly, 1, 1, 1, SingleKey),
        new("zrevrangebylex", CommandId.ZRevRangeByLex, -4, ReadOnly, 1, 1, 1, SingleKey),
        new("zrank", CommandId.ZRank, 3, R, 1, 1, 1, SingleKey),
        new("zrevrank", CommandId.ZRevRank, 3, R, 1, 1, 1, SingleKey),
        new("zpopmin", CommandId.ZPopMin, -2, D, 1, 1, 1, SingleKey),
        new("zpopmax", CommandId.ZPopMax, -2, D, 1, 1, 1, SingleKey),
        new("zscan", CommandId.ZScan, -3, ReadOnly, 1, 1, 1, SingleKey),
        new("zremrangebyrank", CommandId.ZRemRangeByRank, 4, Write, 1, 1, 1, SingleKey),
        new("zremrangebyscore", CommandId.ZRemRangeByScore, 4, Write, 1, 1, 1, SingleKey),
        new("zremrangebylex", CommandId.ZRemRangeByLex, 4, Write, 1, 1, 1, SingleKey),
        new("zrandmember", CommandId.ZRandMember, -2, ReadOnly, 1, 1, 1, SingleKey),
        new("zunion", CommandId.ZUnion, -3, ReadOnly, 0, 0, 0, Cluster),
        new("zinter", CommandId.ZInter, -3, ReadOnly, 0, 0, 0, Cluster),
        new("zdiff", CommandId.ZDiff, -3, ReadOnly, 0, 0, 0, Cluster),
        new("zunionstore", CommandId.ZUnionStore, -4, Write | DenyOom, 0, 0, 0, Cluster),
        new("zinterstore", CommandId.ZInterStore, -4, Write | DenyOom, 0, 0, 0, Cluster),
        new("zdiffstore", CommandId.ZDiffStore, -4, Write | DenyOom, 0, 0, 0, Cluster),
        new("zintercard", CommandId.ZInterCard, -3, ReadOnly, 0, 0, 0, Cluster),
        new("zmpop", CommandId.ZMPop, -4, Write, 0, 0, 0, Cluster),
        new("bzpopmin", CommandId.BZPopMin, -3, D, 1, -2, 1, Cluster),
        new("bzpopmax", CommandId.BZPopMax, -3, D, 1, -2, 1, Cluster),
        new("bzmpop", CommandId.BZMPop, -5, Write, 0, 0, 0, Cluster),
        new("zrangestore", CommandId.ZRangeStore, -5, Write | DenyOom, 1, 2, 1, Cluster),

        new("geoadd", CommandId.GeoAdd, -5, Write | DenyOom, 1, 1, 1, SingleKey),
        new("geodist", CommandId.GeoDist, -4, ReadOnly, 1, 1, 1, SingleKey),
        new("geohash", CommandId.GeoHash, -2, ReadOnly, 1, 1, 1, SingleKey),
        new("geopos", CommandId.GeoPos, -2, ReadOnly, 1, 1, 1, SingleKey),
        // With STORE or STOREDIST on another shard than the source, the session runs these across shards.
        new("georadius", CommandId.GeoRadius, -6, Write | DenyOom, 1, 1, 1, SingleKey),
        new("georadiusbymember", CommandId.GeoRadiusByMember, -5, Write | DenyOom, 1, 1, 1, SingleKey),
        new("georadius_ro", CommandId.GeoRadiusRo, -6, ReadOnly, 1, 1, 1, SingleKey),
        new("georadiusbymember_ro", CommandId.GeoRadiusByMemberRo, -5, ReadOnly, 1, 1, 1, SingleKey),
        new("geosearch", CommandId.GeoSearch, -7, ReadOnly, 1, 1, 1, SingleKey),
        new("geosearchstore", CommandId.GeoSearchStore, -8, Write | DenyOom, 1, 2, 1, Cluster),

        new("lpush", CommandId.LPush, -3, W, 1, 1, 1, SingleKey),
        new("rpush", CommandId.RPush, -3, W, 1, 1, 1, SingleKey),
        new("lpushx", CommandId.LPushX, -3, W, 1, 1, 1, SingleKey),
        new("rpushx", CommandId.RPushX, -3, W, 1, 1, 1, SingleKey),
        new("lpop", CommandId.LPop, -2, D, 1, 1, 1, SingleKey),
        new("rpop", CommandId.RPop, -2, D, 1, 1, 1, SingleKey),
        new("llen", CommandId.LLen, 2, R, 1, 1, 1, SingleKey),
        new("lrange", CommandId.LRange, 4, ReadOnly, 1, 1, 1, SingleKey),
        new("lindex", CommandId.LIndex, 3, ReadOnly, 1, 1, 1, SingleKey),
        new("lset", CommandId.LSet, 4, Write | DenyOom, 1, 1, 1, SingleKey),
        new("ltrim", CommandId.LTrim, 4, Write, 1, 1, 1, SingleKey),
        new("lrem", CommandId.LRem, 4, Write, 1, 1, 1, SingleKey),
        new("linsert", CommandId.LInsert, 5, Write | DenyOom, 1, 1, 1, SingleKey),
        new("lpos", CommandId.LPos, -3, ReadOnly, 1, 1, 1, SingleKey),
        new("lmove", CommandId.LMove, 5, Write | DenyOom, 1, 2, 1, Cluster),
        new("rpoplpush", CommandId.RPopLPush, 3, Write | DenyOom, 1, 2, 1, Cluster),
        new("lmpop", CommandId.LMPop, -4, Write, 0, 0, 0, Cluster),
        new("blpop", CommandId.BLPop, -3, Write, 1, -2, 1, Cluster),
        new("brpop", CommandId.BRPop, -3, Write, 1, -2, 1, Cluster),
        new("blmove", CommandId.BLMove, 6, Write | DenyOom, 1, 2, 1, Cluster),
        new("brpoplpush", CommandId.BRPopLPush, 4, Write | DenyOom, 1, 2, 1, Cluster),
        new("blmpop", CommandId.BLMPop, -5, Write, 0, 0, 0, Cluster),

        new("sadd", CommandId.SAdd, -3, W, 1, 1, 1, SingleKey),
        new("srem", CommandId.SRem, -3, D, 1, 1, 1, SingleKey),
        new("sismember", CommandId.SIsMember, 3, R, 1, 1, 1, SingleKey),
        new("smismember", CommandId.SMIsMember, -3, R, 1, 1, 1, SingleKey),
        new("smembers", CommandId.SMembers, 2, ReadOnly, 1, 1, 1, SingleKey),
        new("scard", CommandId.SCard, 2, R, 1, 1, 1, SingleKey),
        new("spop", CommandId.SPop, -2, D, 1, 1, 1, SingleKey),
        new("srandmember", CommandId.SRandMember, -2, ReadOnly, 1, 1, 1, SingleKey),
        new("sscan", CommandId.SScan, -3, ReadOnly, 1, 1, 1, SingleKey),
        new("smove", CommandId.SMove, 4, D, 1, 2, 1, Cluster),
        new("sinter", CommandId.SInter, -2, ReadOnly, 1, -1, 1, Cluster),
        new("sunion", CommandId.SUnion, -2, ReadOnly, 1, -1, 1, Cluster),
        new("sdiff", CommandId.SDiff, -2, ReadOnly, 1, -1, 1, Cluster),
        new("sinterstore", CommandId.SInterStore, -3, Write | DenyOom, 1, -1, 1, Cluster),
        new("sunionstore", CommandId.SUnionStore, -3, Write | DenyOom, 1, -1, 1, Cluster),
        new("sdiffstore", CommandId.SDiffStore, -3, Write | DenyOom, 1, -1, 1, Cluster),
        new("sintercard", CommandId.SInterCard, -3, ReadOnly, 0, 0, 0, Cluster),

        new("xadd", CommandId.XAdd, -5, W, 1, 1, 1, SingleKey),
        new("xlen", CommandId.XLen, 2, R, 1, 1, 1, SingleKey),
        new("xrange", CommandId.XRange, -4, ReadOnly, 1, 1, 1, SingleKey),
        new("xrevrange", CommandId.XRevRange, -4, ReadOnly, 1, 1, 1, SingleKey),
        new("xdel", CommandId.XDel, -3, D, 1, 1, 1, SingleKey),
        new("xtrim", CommandId.XTrim, -4, Write, 1, 1, 1, SingleKey),
        new("xsetid", CommandId.XSetId, -3, W, 1, 1, 1, SingleKey),
        new("xread", CommandId.XRead, -4, ReadOnly, 0, 0, 0, Cluster),
        new("xreadgroup", CommandId.XReadGroup, -7, Write, 0, 0, 0, Cluster),
        new("xgroup", CommandId.XGroup, -2, Write, 2, 2, 1, Cluster),
        new("xack", CommandId.XAck, -4, D, 1, 1, 1, SingleKey),
        new("xpending", CommandId.XPending, -3, ReadOnly, 1, 1, 1, SingleKey),
        new("xclaim", CommandId.XClaim, -6, D, 1, 1, 1, SingleKey),
        new("xautoclaim", CommandId.XAutoClaim, -6, D, 1, 1, 1, SingleKey),
        new("xinfo", CommandId.XInfo, -2, ReadOnly, 2, 2, 1, Cluster),

        // Keys on several shards run in steps from the session (COPY exports and imports, LCS reads both strings, SORT
        // reads the keys its patterns name); on one shard they run there. OBJECT's key is its third argument.
        new("hrandfield", CommandId.HRandField, -2, ReadOnly, 1, 1, 1, SingleKey),
        new("copy", CommandId.Copy, -3, Write | DenyOom, 1, 2, 1, Cluster),
        new("object", CommandId.Object, -2, ReadOnly, 2, 2, 1, Cluster),
        new("lcs", CommandId.Lcs, -3, ReadOnly, 1, 2, 1, Cluster),
        new("sort", CommandId.Sort, -2, Write | DenyOom, 1, 1, 1, Cluster),
        new("sort_ro", CommandId.SortRo, -2, ReadOnly, 1, 1, 1, Cluster),
        new("dump", CommandId.Dump, 2, ReadOnly, 1, 1, 1, SingleKey),
        new("restore", CommandId.Restore, -4, Write | DenyOom, 1, 1, 1, SingleKey),
    ];

    private static readonly Dictionary<string, CommandSpec> ByName = All.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, CommandSpec>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan = ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    // Names of up to eight bytes (GET, SET, HGETALL, ...: all but the longer commands) are looked up by
    // their bytes folded to upper case and packed into one number, without making characters and hashing
    // them case-insensitively (that took 1.7% of the silo's CPU under pipelined GETs).
    private static readonly Dictionary<ulong, CommandSpec> ByPackedName = All
        .Where(c => c.Name.Length <= 8)
        .ToDictionary(c => PackedName(System.Text.Encoding.ASCII.GetBytes(c.Name))!.Value);

    /// <summary>The name's bytes, ASCII letters folded to upper case, packed little-endian; null if longer than eight bytes or holding a zero byte.</summary>
    internal static ulong? PackedName(ReadOnlySpan<byte> name)
    {
        if (name.Length is 0 or > 8) return null;
        ulong packed = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var b = name[i];
            if (b == 0) return null;
            if (b is >= (byte)'a' and <= (byte)'z') b -= 32;
            packed |= (ulong)b << (8 * i);
        }
        return packed;
    }

    public static CommandSpec? Find(ReadOnlySpan<byte> name)
    {
        if (PackedName(name) is { } packed) return ByPackedName.GetValueOrDefault(packed);
        if (name.Length is 0 or > 32) return null;
        Span<char> chars = stackalloc char[name.Length];
        for (var i = 0; i < name.Length; i++) chars[i] = (char)name[i];
        return ByNameSpan.TryGetValue(chars, out var spec) ? spec : null;
    }

    public static CommandSpec? Find(string name) => ByName.GetValueOrDefault(name);

    private static readonly CommandSpec?[] SpecById = BuildSpecById();

    /// <summary>The command's spec (its first, when aliases share an id); null for the internal forms commands take on a shard.</summary>
    public static CommandSpec? ById(CommandId id) => SpecById[(int)id];

    private static CommandSpec?[] BuildSpecById()
    {
        var specs = new CommandSpec?[Enum.GetValues<CommandId>().Length];
        foreach (var spec in All) specs[(int)spec.Id] ??= spec;
        return specs;
    }

    private static readonly bool[] DenyOomById = BuildDenyOom();

    /// <summary>Whether a command may grow memory, so is refused over the limit when nothing can be evicted.</summary>
    public static bool DeniedOutOfMemory(CommandId id) => DenyOomById[(int)id];

    private static readonly bool[] ReadsOnlyById = BuildReadsOnly();

    /// <summary>Whether a command only reads, so a READONLY client may have it served by a replica.</summary>
    public static bool ReadsOnly(CommandId id) => ReadsOnlyById[(int)id];

    private static readonly bool[] MayChangeById = BuildMayChange();

    /// <summary>
    /// Whether a command sent to a shard may change keys, so a client's WAIT waits for its replication: all but those
    /// that only read, the per-shard parts of WATCH and the reads of commands the session runs across shards. PFCOUNT
    /// may store the cardinality it computed, as Redis replicates it.
    /// </summary>
    public static bool MayChange(CommandId id) => MayChangeById[(int)id];

    private static bool[] BuildMayChange()
    {
        var flags = new bool[ReadsOnlyById.Length];
        for (var i = 0; i < flags.Length; i++) flags[i] = !ReadsOnlyById[i];
        foreach (var id in (CommandId[])[CommandId.WatchOnShard, CommandId.UnwatchOnShard, CommandId.StreamReadOrAwait, CommandId.LeaveLine, CommandId.KeysInSlot,
                     CommandId.MemoryUsage, CommandId.SortElements, CommandId.SortPatternValues, CommandId.ZRangeForStore, CommandId.GeoSearchForStore, CommandId.McSlabs])
            flags[(int)id] = false;
        flags[(int)CommandId.PfCount] = true;
        return flags;
    }

    private static bool[] BuildReadsOnly()
    {
        var flags = new bool[Enum.GetValues<CommandId>().Length];
        foreach (var spec in All)
            if (spec.Flags.HasFlag(ReadOnly) && !spec.Flags.HasFlag(Write)) flags[(int)spec.Id] = true;
        return flags;
    }

    private static bool[] BuildDenyOom()
    {
        var flags = new bool[Enum.GetValues<CommandId>().Length];
        foreach (var spec in All)
            if (spec.Flags.HasFlag(DenyOom)) flags[(int)spec.Id] = true;
        flags[(int)CommandId.McStore] = flags[(int)CommandId.McIncr] = flags[(int)CommandId.ListMoveOrAwait] = true;
        return flags;
    }
}
