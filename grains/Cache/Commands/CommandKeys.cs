namespace DataTier.Cache.Commands;

/// <summary>
/// The keys a command names, wherever they stand (at fixed positions, after numkeys, after STREAMS): what MULTI and
/// scripts route by and what the ACL checks.
/// </summary>
public static class CommandKeys
{
    public static IEnumerable<byte[]> Of(CommandSpec spec, byte[][] a)
    {
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
