using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Scripting.Functions;

namespace DataTier.Silo.Resp;

/// <summary>
/// FUNCTION (LOAD, DELETE, FLUSH, LIST, DUMP, RESTORE, STATS, KILL, HELP), FCALL and FCALL_RO. The libraries live in
/// one registry for the cluster (<see cref="ICacheFunctionsGrain"/>), which hands each change to every silo before it
/// answers; a library's code is checked and compiled here, and a call runs on the shard of its keys as EVAL does (keys
/// on several shards get CROSSSLOT), the library's code going with it.
/// </summary>
public sealed partial class RespSession
{
    private static bool IsFunctions(CommandId id) => IsFunctionCall(id) || id == CommandId.Function;

    private static bool IsFunctionCall(CommandId id) => id is CommandId.FCall or CommandId.FCallRo;

    private async Task<CacheReply> RunFunctionsAsync(CommandSpec spec, byte[][] a)
    {
        try
        {
            return spec.Id == CommandId.Function ? await FunctionCommandAsync(a) : await CallFunctionAsync(spec, a);
        }
        catch (Exception e) when (e is Orleans.Runtime.OrleansException or TimeoutException)
        {
            // The registry could not be reached (its silo lost, say): the command fails, the connection stays.
            return CacheReply.Error("ERR " + e.Message);
        }
    }

    private async Task<CacheReply> CallFunctionAsync(CommandSpec spec, byte[][] a) =>
        await RunOnKeysShardAsync(PrepareFunctionCall(spec, a, await _services.Functions.CurrentAsync()), CommandId.FCallOnShard);

    /// <summary>An FCALL or FCALL_RO checked (its function found, numkeys, the read-only form against the function's flags) as it runs now or at EXEC.</summary>
    private PreparedScript PrepareFunctionCall(CommandSpec spec, byte[][] a, FunctionLibraries libraries)
    {
        var name = Arg.Text(a[1]);
        if (!libraries.TryFind(name, out var library, out var function)) return PreparedScript.Failed(CacheReply.Error("ERR Function not found"));
        if (!CacheNumbers.TryParseLong(a[2], out var numKeys)) return PreparedScript.Failed(CacheReply.Error("ERR Bad number of keys provided"));
        if (numKeys > a.Length - 3) return PreparedScript.Failed(CacheReply.Error("ERR Number of keys can't be greater than number of args"));
        if (numKeys < 0) return PreparedScript.Failed(CacheReply.Error("ERR Number of keys can't be negative"));
        var noWrites = function.Flags.HasFlag(FunctionFlags.NoWrites);
        if (_services.Endpoint.ClusterMode && function.Flags.HasFlag(FunctionFlags.NoCluster))
            return PreparedScript.Failed(CacheReply.Error("ERR Can not run script on cluster, 'no-cluster' flag is set."));
        if (spec.Id == CommandId.FCallRo && !noWrites)
            return PreparedScript.Failed(CacheReply.Error("ERR Can not execute a script with write flag using *_ro command."));
        return new PreparedScript(null, a[3..(3 + (int)numKeys)], library.Sha, library.Code, noWrites, a[(3 + (int)numKeys)..], function.Name);
    }

    private async Task<CacheReply> FunctionCommandAsync(byte[][] a)
    {
        var sub = Arg.Lower(a[1]);
        if (FunctionArity(sub) is not { } arity) return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try FUNCTION HELP.");
        if (arity >= 0 ? a.Length != arity : a.Length < -arity) return CacheErrors.WrongArity("function|" + sub);
        switch (sub)
        {
            case "load":
                return await LoadFunctionAsync(a);
            case "delete":
                return await ChangeFunctionsAsync(r => r.Delete(Arg.Text(a[2])), CacheReply.Ok);
            case "flush":
                if (a.Length > 3) return FunctionSyntaxError(a);
                if (a.Length == 3 && !Arg.Is(a[2], "async") && !Arg.Is(a[2], "sync")) return CacheReply.Error("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
                return await ChangeFunctionsAsync(r => r.Flush(), CacheReply.Ok);
            case "list":
                return FunctionList.Reply(a, await _services.Functions.CurrentAsync());
            case "dump":
                return CacheReply.Bulk(FunctionDump.Encode((await _services.Functions.CurrentAsync()).Libraries.Select(l => l.Code)));
            case "restore":
                return await RestoreFunctionsAsync(a);
            case "stats":
                return FunctionList.Stats(await _services.Functions.CurrentAsync());
            case "kill":
                return CacheReply.Error("NOTBUSY No scripts in execution right now.");
            default:
                return CacheReply.Array([.. FunctionList.Help.Select(CacheReply.Simple)]);
        }
    }

    /// <summary>Each subcommand's arity as Redis 7.0 declares it (negative: at least); null for one it does not have.</summary>
    private static int? FunctionArity(string sub) => sub switch
    {
        "load" or "restore" => -3,
        "list" or "flush" => -2,
        "delete" => 3,
        "dump" or "stats" or "kill" or "help" => 2,
        _ => null,
    };

    private static CacheReply FunctionSyntaxError(byte[][] a) =>
        CacheReply.Error($"ERR unknown subcommand or wrong number of arguments for '{Arg.Text(a[1])}'. Try FUNCTION HELP.");

    private async Task<CacheReply> LoadFunctionAsync(byte[][] a)
    {
        var replace = false;
        for (var i = 2; i < a.Length - 1; i++)
        {
            if (!Arg.Is(a[i], "replace")) return CacheReply.Error("ERR Unknown option given: " + Arg.Text(a[i]));
            replace = true;
        }
        var code = a[^1];
        var (name, error) = FunctionLibraryLoader.ReadMetadata(code);
        if (name is null) return CacheReply.Error(error!);
        // Checked before the code runs, as Redis does; the registry checks again, against whatever loaded meanwhile.
        if (!replace && (await _services.Functions.CurrentAsync()).Library(name) is not null) return CacheReply.Error($"ERR Library '{name}' already exists");
        var (library, failure) = FunctionLibraryLoader.Compile(name, code);
        if (library is null) return CacheReply.Error(failure!);
        return await ChangeFunctionsAsync(r => r.Load(library, replace), CacheReply.Bulk(name));
    }

    private async Task<CacheReply> RestoreFunctionsAsync(byte[][] a)
    {
        if (a.Length > 4) return FunctionSyntaxError(a);
        var policy = RestorePolicy.Append;
        if (a.Length == 4)
        {
            if (Arg.Is(a[3], "flush")) policy = RestorePolicy.Flush;
            else if (Arg.Is(a[3], "replace")) policy = RestorePolicy.Replace;
            else if (!Arg.Is(a[3], "append")) return CacheReply.Error("ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
        }
        var (codes, error) = FunctionDump.Decode(a[2]);
        if (codes is null) return CacheReply.Error(error!);
        var libraries = new List<FunctionLibrary>();
        foreach (var code in codes)
        {
            var (library, failure) = FunctionLibraryLoader.Load(code);
            if (library is null) return CacheReply.Error(failure!);
            // The payload's libraries are loaded together first, so they must not clash among themselves.
            if (libraries.Any(l => l.Name == library.Name)) return CacheReply.Error($"ERR Library '{library.Name}' already exists");
            if (library.Functions.FirstOrDefault(f => libraries.Any(l => l.Functions.Any(g => g.Name.Equals(f.Name, StringComparison.OrdinalIgnoreCase)))) is { } clash)
                return CacheReply.Error($"ERR Function {clash.Name} already exists");
            libraries.Add(library);
        }
        return await ChangeFunctionsAsync(r => r.Restore([.. libraries], policy), CacheReply.Ok);
    }

    /// <summary>Has the registry make a change and takes the libraries after it here at once (the registry hands them to the other silos).</summary>
    private async Task<CacheReply> ChangeFunctionsAsync(Func<ICacheFunctionsGrain, Task<FunctionChange>> change, CacheReply done)
    {
        var result = await change(_services.Functions.Registry);
        _services.Functions.Apply(result.Libraries);
        return result.Error is { } error ? CacheReply.Error(error) : done;
    }
}
