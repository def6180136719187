using System.Text;
using DataTier.Cache;
using DataTier.Cache.Access;
using DataTier.Cache.Commands;
using DataTier.Cache.Commands.Reference;

namespace DataTier.Silo.Resp;

/// <summary>COMMAND and its subcommands, over the commands and subcommands the cache serves, answered as redis-server 7.0 answers.</summary>
public static class CommandIntrospection
{
    private static readonly string[] Help =
    [
        "COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "(no subcommand)",
        "    Return details about all Redis commands.",
        "COUNT",
        "    Return the total number of commands in this Redis server.",
        "LIST",
        "    Return a list of all commands in this Redis server.",
        "INFO [<command-name> ...]",
        "    Return details about multiple Redis commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "DOCS [<command-name> ...]",
        "    Return documentation details about multiple Redis commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "GETKEYS <full-command>",
        "    Return the keys from a full Redis command.",
        "GETKEYSANDFLAGS <full-command>",
        "    Return the keys and the access flags from a full Redis command.",
        "HELP",
        "    Prints this help.",
    ];

    /// <summary>Every served name COMMAND LIST gives: the commands, each followed by its served subcommands.</summary>
    private static readonly string[] Names =
        [.. CommandTable.All.SelectMany(c => (string[])[c.Name, .. (SubcommandTable.Of.GetValueOrDefault(c.Name) ?? []).Select(s => s.Name)])];

    public static CacheReply Run(byte[][] a)
    {
        if (a.Length == 1) return AllInfo();
        var sub = Arg.Lower(a[1]);
        switch (sub)
        {
            case "count" when a.Length == 2:
                return CacheReply.Int(CommandTable.All.Length);
            case "info" when a.Length == 2:
                return AllInfo();
            case "info":
                return CacheReply.Array([.. a.Skip(2).Select(n => ServedCommand.Name(Arg.Text(n)) is { } name ? CommandInfoReply.Of(name) : CacheReply.Nil)]);
            case "docs":
                var names = a.Length == 2 ? CommandTable.All.Select(c => c.Name) : a.Skip(2).Select(n => ServedCommand.Name(Arg.Text(n))).OfType<string>();
                return CacheReply.Map([.. names.SelectMany(n => new[] { CacheReply.Bulk(n), CommandDocsReply.Of(n) })]);
            case "list" when a.Length == 2:
                return CacheReply.Array([.. Names.Select(CacheReply.Bulk)]);
            case "list" when a.Length == 5 && Arg.Is(a[2], "filterby"):
                return Filter(Arg.Lower(a[3]), Arg.Text(a[4]));
            case "getkeys" or "getkeysandflags" when a.Length >= 4:
                return GetKeys(a[2..], withFlags: sub == "getkeysandflags");
            case "help" when a.Length == 2:
                return CacheReply.Array([.. Help.Select(CacheReply.Simple)]);
            case "list":
                return CacheErrors.Syntax;
            case "count" or "getkeys" or "getkeysandflags" or "help":
                return CacheErrors.WrongArity("command|" + sub);
            default:
                return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try COMMAND HELP.");
        }
    }

    private static CacheReply AllInfo() => CacheReply.Array([.. CommandTable.All.Select(c => CommandInfoReply.Of(c.Name))]);

    /// <summary>COMMAND LIST FILTERBY: no module's commands (there are none), a category's, or those a pattern matches regardless of case.</summary>
    private static CacheReply Filter(string by, string value)
    {
        Func<string, bool>? keep = by switch
        {
            "module" => _ => false,
            "aclcat" => AclCategories.Members.GetValueOrDefault(value.ToLowerInvariant()) is { } members ? members.Contains : _ => false,
            "pattern" => name => GlobPattern.IsMatch(Encoding.UTF8.GetBytes(value.ToLowerInvariant()), Encoding.UTF8.GetBytes(name)),
            _ => null,
        };
        return keep is null ? CacheErrors.Syntax : CacheReply.Array([.. Names.Where(keep).Select(CacheReply.Bulk)]);
    }

    /// <summary>
    /// COMMAND GETKEYS and GETKEYSANDFLAGS: the keys the command would touch, found as MULTI, scripts and the ACL find
    /// them, except that keys after keywords (GEORADIUS' STORE and STOREDIST, XREAD's STREAMS) are found by the key
    /// specifications, as Redis finds them.
    /// </summary>
    private static CacheReply GetKeys(byte[][] command, bool withFlags)
    {
        if (CommandTable.Find(command[0]) is not { } spec) return CacheReply.Error("ERR Invalid command specified");
        var container = SubcommandTable.Of.ContainsKey(spec.Name);
        if (container && ServedCommand.Name(spec.Name + "|" + Arg.Text(command[1])) is null) return CacheReply.Error("ERR Invalid command specified");
        var specs = KeySpecsOf(spec, command);
        if (!CommandKeys.HasKeys(spec) || container && specs.Length == 0) return CacheReply.Error("ERR The command has no key arguments");
        if (!spec.AcceptsArgumentCount(command.Length)) return CacheReply.Error("ERR Invalid number of arguments specified for command");
        if (specs.Any(s => !s.Fits(command)))
        {
            // Scripts may name no keys: Redis finds none rather than refusing a numkeys that does not fit.
            return CommandInfoTable.Flags[spec.Name].Contains("no_mandatory_keys") ? CacheReply.EmptyArray : CacheReply.Error("ERR Invalid arguments specified for command");
        }
        // The keys found are the call's own arguments, so where each stands tells which specification finds it.
        var positions = specs.Any(s => s.Begin is KeywordSearch)
            ? specs.SelectMany(s => s.Positions(command))
            : CommandKeys.Of(spec, command).Select(k => Array.IndexOf(command, k));
        var flags = new KeyFlags(specs, command);
        return CacheReply.Array([.. positions.Select(at => withFlags
            ? CacheReply.Array([CacheReply.Bulk(command[at]), CommandInfoReply.Words(flags.At(at))])
            : CacheReply.Bulk(command[at]))]);
    }

    private static KeySpec[] KeySpecsOf(CommandSpec spec, byte[][] command)
    {
        var name = command.Length > 1 && SubcommandTable.Of.ContainsKey(spec.Name) ? spec.Name + "|" + Arg.Lower(command[1]) : spec.Name;
        return KeySpecTable.Of.GetValueOrDefault(name) ?? [];
    }
}
