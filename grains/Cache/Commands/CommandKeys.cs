namespace DataTier.Cache.Commands;

/// <summary>
/// The keys a command names, wherever they stand (at fixed positions, after numkeys, after STREAMS): what MULTI and
/// scripts route by and what the ACL checks.
/// </summary>
public static class CommandKeys
{
    /// <summary>Commands whose keys are found by reading their arguments (numkeys, STREAMS), by name.</summary>
    private static readonly Dictionary<string, Func<byte[][], IEnumerable<byte[]>>> FoundInArguments = new(StringComparer.Ordinal)
    {
        ["memory"] = a => a.Length >= 3 && Arg.Is(a[1], "usage") ? [a[2]] : [],
        ["lmpop"] = a => Counted(a, 1),
        ["zmpop"] = a => Counted(a, 1),
        ["sintercard"] = a => Counted(a, 1),
        ["zintercard"] = a => Counted(a, 1),
        ["zunion"] = a => Counted(a, 1),
        ["zinter"] = a => Counted(a, 1),
        ["zdiff"] = a => Counted(a, 1),
        ["blmpop"] = a => Counted(a, 2),
        ["bzmpop"] = a => Counted(a, 2),
        ["eval"] = a => Counted(a, 2),
        ["evalsha"] = a => Counted(a, 2),
        ["eval_ro"] = a => Counted(a, 2),
        ["evalsha_ro"] = a => Counted(a, 2),
        ["fcall"] = a => Counted(a, 2),
        ["fcall_ro"] = a => Counted(a, 2),
        ["zunionstore"] = a => [a[1], .. Counted(a, 2)],
        ["zinterstore"] = a => [a[1], .. Counted(a, 2)],
        ["zdiffstore"] = a => [a[1], .. Counted(a, 2)],
        ["xread"] = Streams,
        ["xreadgroup"] = Streams,
    };

    /// <summary>Whether the command names its keys and runs on a shard, so it can run on its keys' shard in a transaction or a script.</summary>
    public static bool RunsOnOneShard(CommandSpec spec) =>
        spec.Route != CommandRoute.Session && (spec.FirstKey > 0 || FoundInArguments.ContainsKey(spec.Name));

    /// <summary>Whether the command names keys at all (COMMAND GETKEYS refuses one that does not).</summary>
    public static bool HasKeys(CommandSpec spec) => spec.FirstKey > 0 || FoundInArguments.ContainsKey(spec.Name) || spec.Id is CommandId.Sort;

    public static IEnumerable<byte[]> Of(CommandSpec spec, byte[][] a)
    {
        if (spec.Id is CommandId.GeoRadius or CommandId.GeoRadiusByMember) return [a[1], .. Geo.GeoStoreKey.All(a)];
        if (spec.Id == CommandId.Sort && SortArgs.StoreKeyOf(a) is { } store) return [a[1], store];
        if (spec.FirstKey > 0) return spec.KeysIn(a);
        return FoundInArguments.TryGetValue(spec.Name, out var find) ? find(a) : [];
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
