using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Scripting.Functions;

namespace DataTier.Silo.Resp;

/// <summary>The replies of FUNCTION LIST, STATS and HELP, shaped as Redis 7.0's.</summary>
internal static class FunctionList
{
    public static readonly string[] Help =
    [
        "FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "LOAD [REPLACE] <FUNCTION CODE>",
        "    Create a new library with the given library name and code.",
        "DELETE <LIBRARY NAME>",
        "    Delete the given library.",
        "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
        "    Return general information on all the libraries:",
        "    * Library name",
        "    * The engine used to run the Library",
        "    * Library description",
        "    * Functions list",
        "    * Library code (if WITHCODE is given)",
        "    It also possible to get only function that matches a pattern using LIBRARYNAME argument.",
        "STATS",
        "    Return information about the current function running:",
        "    * Function name",
        "    * Command used to run the function",
        "    * Duration in MS that the function is running",
        "    If no function is running, return nil",
        "    In addition, returns a list of available engines.",
        "KILL",
        "    Kill the current running function.",
        "FLUSH [ASYNC|SYNC]",
        "    Delete all the libraries.",
        "    When called without the optional mode argument, the behavior is determined by the",
        "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
        "    * ASYNC: Asynchronously flush the libraries.",
        "    * SYNC: Synchronously flush the libraries.",
        "DUMP",
        "    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command",
        "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
        "    Restore the libraries represented by the given payload, it is possible to give a restore policy to",
        "    control how to handle existing libraries (default APPEND):",
        "    * FLUSH: delete all existing libraries.",
        "    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
        "    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old",
        "      libraries with the new libraries (notice that even on this option there is a chance of failure",
        "      in case of functions name collision with another library).",
        "HELP",
        "    Prints this help.",
    ];

    /// <summary>FUNCTION LIST [WITHCODE] [LIBRARYNAME pattern], each option once, in either order.</summary>
    public static CacheReply Reply(byte[][] a, FunctionLibraries libraries)
    {
        var withCode = false;
        byte[]? pattern = null;
        for (var i = 2; i < a.Length; i++)
        {
            if (!withCode && Arg.Is(a[i], "withcode"))
            {
                withCode = true;
                continue;
            }
            if (pattern is null && Arg.Is(a[i], "libraryname"))
            {
                if (i == a.Length - 1) return CacheReply.Error("ERR library name argument was not given");
                pattern = a[++i];
                continue;
            }
            return CacheReply.Error("ERR Unknown argument " + Arg.Text(a[i]));
        }
        // Redis matches library names ignoring case.
        var lowered = pattern is null ? null : System.Text.Encoding.UTF8.GetBytes(Arg.Lower(pattern));
        return CacheReply.Array([.. libraries.Libraries
            .Where(l => lowered is null || GlobPattern.IsMatch(lowered, System.Text.Encoding.UTF8.GetBytes(l.Name.ToLowerInvariant())))
            .Select(l => Library(l, withCode))]);
    }

    private static CacheReply Library(FunctionLibrary library, bool withCode)
    {
        CacheReply[] fields =
        [
            CacheReply.Bulk("library_name"), CacheReply.Bulk(library.Name),
            CacheReply.Bulk("engine"), CacheReply.Bulk("LUA"),
            CacheReply.Bulk("functions"), CacheReply.Array([.. library.Functions.Select(Function)]),
        ];
        return CacheReply.Map(withCode ? [.. fields, CacheReply.Bulk("library_code"), CacheReply.Bulk(library.Code)] : fields);
    }

    private static CacheReply Function(FunctionInfo function) => CacheReply.Map(
    [
        CacheReply.Bulk("name"), CacheReply.Bulk(function.Name),
        CacheReply.Bulk("description"), function.Description is null ? CacheReply.Nil : CacheReply.Bulk(function.Description),
        CacheReply.Bulk("flags"), CacheReply.Members([.. FunctionFlagNames.Of(function.Flags).Select(CacheReply.Simple)]),
    ]);

    /// <summary>FUNCTION STATS: no script is ever reported running (a call holds its shard until it ends), and the one engine's counts.</summary>
    public static CacheReply Stats(FunctionLibraries libraries) => CacheReply.Map(
    [
        CacheReply.Bulk("running_script"), CacheReply.Nil,
        CacheReply.Bulk("engines"), CacheReply.Map(
        [
            CacheReply.Bulk("LUA"), CacheReply.Map(
            [
                CacheReply.Bulk("libraries_count"), CacheReply.Int(libraries.Libraries.Length),
                CacheReply.Bulk("functions_count"), CacheReply.Int(libraries.FunctionCount),
            ]),
        ]),
    ]);
}
