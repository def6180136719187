using DataTier.Cache.Commands;

namespace DataTier.Cache.Access;

/// <summary>The keys a command names, for ACL checks, and whether it needs to read them as well as write them.</summary>
public static class AclKeys
{
    /// <summary>Writes that return nothing of the keys' values: <c>%W~</c> alone allows them, as in Redis.</summary>
    private static readonly HashSet<string> WriteOnly = new(StringComparer.Ordinal)
    {
        "set", "setex", "psetex", "mset", "del", "unlink", "lpush", "rpush", "lpushx", "rpushx", "sadd", "hset", "hmset", "zadd",
        "xadd", "pfadd", "expire", "pexpire", "expireat", "pexpireat", "persist", "append",
    };

    public static bool NeedsRead(CommandSpec spec, byte[][] a)
    {
        if (!spec.Flags.HasFlag(CommandFlags.Write)) return true;
        // SET ... GET returns the old value.
        if (spec.Name == "set") return a.Skip(3).Any(x => Arg.Is(x, "get"));
        return !WriteOnly.Contains(spec.Name);
    }

    /// <summary>A script may write its keys unless it is EVAL_RO or EVALSHA_RO.</summary>
    public static bool NeedsWrite(CommandSpec spec, byte[][] a) =>
        spec.Flags.HasFlag(CommandFlags.Write) || spec.Name is "eval" or "evalsha" or "fcall";

    public static IEnumerable<byte[]> Of(CommandSpec spec, byte[][] a)
    {
        if (spec.Id is CommandId.GeoRadius or CommandId.GeoRadiusByMember && Geo.GeoStoreKey.Of(a) is { } destination) return [a[1], destination];
        if (spec.FirstKey > 0) return spec.KeysIn(a);
        return spec.Name switch
        {
            "lmpop" or "zmpop" or "sintercard" or "zintercard" or "zunion" or "zinter" or "zdiff" => Counted(a, 1),
            "blmpop" or "bzmpop" => Counted(a, 2),
            "eval" or "evalsha" or "eval_ro" or "evalsha_ro" or "fcall" or "fcall_ro" => Counted(a, 2),
            "zunionstore" or "zinterstore" or "zdiffstore" => [a[1], .. Counted(a, 2)],
            "xread" or "xreadgroup" => Streams(a),
            _ => [],
        };
    }

    /// <summary>numkeys at argument <paramref name="at"/>, the keys after it; none when numkeys is not a count (the command refuses it).</summary>
    private static IEnumerable<byte[]> Counted(byte[][] a, int at)
    {
        if (at >= a.Length || !CacheNumbers.TryParseLong(a[at], out var n) || n <= 0) return [];
        return a.Skip(at + 1).Take((int)Math.Min(n, a.Length));
    }

    /// <summary>XREAD's and XREADGROUP's STREAMS key [key ...] id [id ...].</summary>
    private static IEnumerable<byte[]> Streams(byte[][] a)
    {
        var at = Array.FindIndex(a, x => Arg.Is(x, "streams"));
        if (at < 0) return [];
        var rest = a.Length - at - 1;
        return a.Skip(at + 1).Take(rest / 2);
    }
}
