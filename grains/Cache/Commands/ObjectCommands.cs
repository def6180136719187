using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>OBJECT ENCODING, FREQ, IDLETIME, REFCOUNT and HELP, which look at a key without counting as an access to it.</summary>
public static class ObjectCommands
{
    private const string PolicyNote =
        "Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.";

    private static readonly CacheReply NotLfu = CacheReply.Error("ERR An LFU maxmemory policy is not selected, access frequency not tracked. " + PolicyNote);
    private static readonly CacheReply NotLru = CacheReply.Error("ERR An LFU maxmemory policy is selected, idle time not tracked. " + PolicyNote);

    private static readonly string[] Help =
    [
        "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "ENCODING <key>",
        "    Return the kind of internal representation used in order to store the value",
        "    associated with a <key>.",
        "FREQ <key>",
        "    Return the access frequency index of the <key>. The returned integer is",
        "    proportional to the logarithm of the recent access frequency of the key.",
        "IDLETIME <key>",
        "    Return the idle time of the <key>, that is the approximated number of",
        "    seconds elapsed since the last access to the key.",
        "REFCOUNT <key>",
        "    Return the number of references of the value associated with the specified",
        "    <key>.",
        "HELP",
        "    Prints this help.",
    ];

    public static CacheReply Run(CacheKeyspace ks, byte[][] a)
    {
        var sub = Arg.Lower(a[1]);
        if (sub is not ("encoding" or "freq" or "idletime" or "refcount" or "help"))
            return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try OBJECT HELP.");
        if (a.Length != (sub == "help" ? 2 : 3)) return CacheErrors.WrongArity("object|" + sub);
        if (sub == "help") return CacheReply.Array(Help.Select(CacheReply.Simple).ToArray());
        var entry = ks.Find(a[2]);
        if (entry is null) return CacheReply.Nil;
        var lfu = ks.Budget.Policy is EvictionPolicy.AllKeysLfu or EvictionPolicy.VolatileLfu;
        return sub switch
        {
            "encoding" => CacheReply.Bulk(ValueEncoding.Name(entry)),
            "refcount" => CacheReply.Int(ValueEncoding.RefCount(entry, SharesIntegers(ks))),
            "freq" => lfu ? CacheReply.Int(ks.DecayedFrequency(entry)) : NotLfu,
            _ => lfu ? NotLru : CacheReply.Int(Math.Max(0, ks.Now - entry.LastAccess) / 1000),
        };
    }

    /// <summary>Whether Redis would use its shared small integers: not with a memory limit and an LRU or LFU policy.</summary>
    private static bool SharesIntegers(CacheKeyspace ks) =>
        ks.Budget.MaxMemory == 0 || ks.Budget.Policy is not (EvictionPolicy.AllKeysLru or EvictionPolicy.AllKeysLfu or EvictionPolicy.VolatileLru or EvictionPolicy.VolatileLfu);
}
