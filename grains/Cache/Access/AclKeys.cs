using DataTier.Cache.Commands;

namespace DataTier.Cache.Access;

/// <summary>What a command does with each of its keys, for ACL checks: the flags of Redis 7.0's key specs.</summary>
public static class AclKeys
{
    /// <summary>Keys only looked at (key specs RO without ACCESS): any pattern that matches them allows them.</summary>
    private static readonly HashSet<string> Untouched = new(StringComparer.Ordinal)
    {
        "exists", "touch", "type", "strlen", "hexists", "hlen", "hstrlen", "zcard", "llen", "sismember", "scard", "xlen", "memory",
        "object",
    };

    /// <summary>Changes that return nothing of the keys' values (INSERT, UPDATE or DELETE without ACCESS): <c>%W~</c> alone allows them.</summary>
    private static readonly HashSet<string> WriteOnly = new(StringComparer.Ordinal)
    {
        "set", "setex", "psetex", "setnx", "mset", "msetnx", "append", "setrange", "pfadd", "del", "unlink",
        "expire", "pexpire", "expireat", "pexpireat", "persist",
        "hset", "hmset", "hdel", "hsetnx", "zadd", "zrem", "zremrangebyscore", "zremrangebyrank", "zremrangebylex",
        "lpush", "rpush", "lpushx", "rpushx", "lset", "ltrim", "lrem", "linsert", "sadd", "srem", "geoadd",
        "xadd", "xdel", "xtrim", "xsetid", "xack", "xclaim", "xautoclaim", "xgroup", "restore",
    };

    /// <summary>Reads flagged as writes (PFCOUNT may cache its estimate; XREADGROUP moves the group's cursor): their keys need <c>%R~</c> only.</summary>
    private static readonly HashSet<string> ReadOnly = new(StringComparer.Ordinal) { "pfcount", "xreadgroup", "eval_ro", "evalsha_ro", "fcall_ro" };

    /// <summary>Each key the command names, with what the command does with it.</summary>
    public static IEnumerable<(byte[] Key, KeyAccess Access)> Of(CommandSpec spec, byte[][] a)
    {
        var (first, others) = AccessOf(spec, a);
        return CommandKeys.Of(spec, a).Select((key, i) => (key, i == 0 ? first : others));
    }

    /// <summary>What the command does with its first key and with the others (a destination and its sources, a source and its destination).</summary>
    private static (KeyAccess First, KeyAccess Others) AccessOf(CommandSpec spec, byte[][] a)
    {
        switch (spec.Name)
        {
            case "bitop" or "sinterstore" or "sunionstore" or "sdiffstore" or "zunionstore" or "zinterstore" or "zdiffstore"
                or "zrangestore" or "geosearchstore":
                return (KeyAccess.Write, KeyAccess.Read);
            case "pfmerge":
                return (KeyAccess.ReadWrite, KeyAccess.Read);
            case "rename" or "renamenx" or "lmove" or "rpoplpush" or "blmove" or "brpoplpush" or "smove":
                return (KeyAccess.ReadWrite, KeyAccess.Write);
            case "copy" or "georadius" or "georadiusbymember" or "sort":
                return (KeyAccess.Read, KeyAccess.Write);
            case "set" when a.Skip(3).Any(x => Arg.Is(x, "get")):
                return Same(KeyAccess.ReadWrite);
            // BITFIELD with only GET reads, as BITFIELD_RO.
            case "bitfield" when !a.Skip(2).Any(x => Arg.Is(x, "set") || Arg.Is(x, "incrby")):
                return Same(KeyAccess.Read);
            case "eval" or "evalsha" or "fcall":
                return Same(KeyAccess.ReadWrite);
        }
        if (Untouched.Contains(spec.Name)) return Same(KeyAccess.Any);
        if (ReadOnly.Contains(spec.Name) || !spec.Flags.HasFlag(CommandFlags.Write)) return Same(KeyAccess.Read);
        return Same(WriteOnly.Contains(spec.Name) ? KeyAccess.Write : KeyAccess.ReadWrite);
    }

    private static (KeyAccess, KeyAccess) Same(KeyAccess access) => (access, access);
}
