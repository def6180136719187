namespace DataTier.Cache.Commands;

/// <summary>The subcommands of XGROUP and XINFO: their names and arities (negative: at least), and their help.</summary>
public static class StreamSubcommands
{
    private static readonly Dictionary<string, int> GroupArity = new(StringComparer.OrdinalIgnoreCase)
    {
        ["create"] = -5, ["setid"] = -5, ["destroy"] = 4, ["createconsumer"] = 5, ["delconsumer"] = 5, ["help"] = 2,
    };

    private static readonly Dictionary<string, int> InfoArity = new(StringComparer.OrdinalIgnoreCase)
    {
        ["stream"] = -3, ["groups"] = 3, ["consumers"] = 4, ["help"] = 2,
    };

    private static readonly string[] GroupHelp =
    [
        "XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "CREATE <key> <groupname> <id|$> [option]",
        "    Create a new consumer group. Options are:",
        "    * MKSTREAM",
        "      Create the empty stream if it does not exist.",
        "    * ENTRIESREAD entries_read",
        "      Set the group's entries_read counter (internal use).",
        "CREATECONSUMER <key> <groupname> <consumer>",
        "    Create a new consumer in the specified group.",
        "DELCONSUMER <key> <groupname> <consumer>",
        "    Remove the specified consumer.",
        "DESTROY <key> <groupname>",
        "    Remove the specified group.",
        "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
        "    Set the current group ID and entries_read counter.",
        "HELP",
        "    Prints this help.",
    ];

    private static readonly string[] InfoHelp =
    [
        "XINFO <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "CONSUMERS <key> <groupname>",
        "    Show consumers of <groupname>.",
        "GROUPS <key>",
        "    Show the stream consumer groups.",
        "STREAM <key> [FULL [COUNT <count>]",
        "    Show information about the stream.",
        "HELP",
        "    Prints this help.",
    ];

    /// <summary>Redis' answer to an option a subcommand does not know.</summary>
    public static CacheReply Unknown(byte[] subcommand, string command) =>
        CacheReply.Error($"ERR unknown subcommand or wrong number of arguments for '{Arg.Text(subcommand)}'. Try {command} HELP.");

    /// <summary>The reply when the call is not to run on the key's shard (an unknown subcommand, a wrong arity, HELP); null when it is.</summary>
    public static CacheReply? Check(byte[][] a, bool group)
    {
        var command = group ? "xgroup" : "xinfo";
        if (a.Length < 2) return CacheErrors.WrongArity(command);
        var name = Arg.Lower(a[1]);
        if (!(group ? GroupArity : InfoArity).TryGetValue(name, out var arity))
            return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try {command.ToUpperInvariant()} HELP.");
        if (arity >= 0 ? a.Length != arity : a.Length < -arity) return CacheErrors.WrongArity($"{command}|{name}");
        if (name == "help") return CacheReply.Array((group ? GroupHelp : InfoHelp).Select(CacheReply.Simple).ToArray());
        return null;
    }
}
