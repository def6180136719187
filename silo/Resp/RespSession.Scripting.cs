using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Scripting;

namespace DataTier.Silo.Resp;

/// <summary>
/// EVAL, EVALSHA, their read-only forms and SCRIPT (LOAD, EXISTS, FLUSH, KILL). A script runs on the one shard that
/// holds the keys it declares, under that shard's gate, so it is atomic as in Redis; keys on several shards get
/// CROSSSLOT, and a script touching a key it did not declare on another shard gets Redis Cluster's error. A script new to
/// a silo is handed to the others (<see cref="ScriptCache"/>), so EVALSHA works on any silo; one that joined later, or
/// missed it, answers NOSCRIPT (clients then send EVAL). SCRIPT FLUSH empties this silo's cache only.
/// </summary>
public sealed partial class RespSession
{
    private static bool IsScripting(CommandId id) => IsEval(id) || id == CommandId.Script;

    private static bool IsEval(CommandId id) => id is CommandId.Eval or CommandId.EvalSha or CommandId.EvalRo or CommandId.EvalShaRo;

    private async Task<CacheReply> RunScriptingAsync(CommandSpec spec, byte[][] a)
    {
        if (spec.Id == CommandId.Script) return ScriptCommand(a);
        return await RunOnKeysShardAsync(PrepareScript(spec, a), CommandId.EvalOnShard);
    }

    /// <summary>A prepared script or function call run on the one shard of its keys (shard 0 without keys); CROSSSLOT for keys on several.</summary>
    private async Task<CacheReply> RunOnKeysShardAsync(PreparedScript script, CommandId onShard)
    {
        if (script.Error is { } error) return error;
        var shards = script.Keys.Select(k => CacheRouter.ShardOf(k)).Distinct().ToList();
        if (shards.Count > 1) return CrossSlot;
        var shard = shards.Count == 1 ? shards[0] : 0;
        return await _router.Execute(shard, new ShardCommand(onShard, EncodeScript(script, shard)));
    }

    /// <summary>
    /// An EVAL or EVALSHA checked and its script found (and, for EVAL, cached), as it runs now or at EXEC; its error
    /// (numkeys, NOSCRIPT) comes back in <see cref="PreparedScript.Error"/> instead.
    /// </summary>
    private PreparedScript PrepareScript(CommandSpec spec, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var numKeys)) return PreparedScript.Failed(CacheErrors.NotInteger);
        if (numKeys < 0) return PreparedScript.Failed(CacheReply.Error("ERR Number of keys can't be negative"));
        if (numKeys > a.Length - 3) return PreparedScript.Failed(CacheReply.Error("ERR Number of keys can't be greater than number of args"));
        string sha;
        byte[] source;
        if (spec.Id is CommandId.EvalSha or CommandId.EvalShaRo)
        {
            sha = Arg.Text(a[1]).ToLowerInvariant();
            if (_services.Scripts.Find(sha) is not { } found) return PreparedScript.Failed(CacheReply.Error("NOSCRIPT No matching script. Please use EVAL."));
            source = found;
        }
        else
        {
            source = a[1];
            sha = _services.Scripts.Add(source);
        }
        var keys = a[3..(3 + (int)numKeys)];
        return new PreparedScript(null, keys, sha, source, spec.Id is CommandId.EvalRo or CommandId.EvalShaRo, a[(3 + (int)numKeys)..]);
    }

    /// <summary>The script's internal form for its shard (<see cref="ScriptCommands"/>), with this connection's ACL rules.</summary>
    private byte[][] EncodeScript(PreparedScript script, int shard) => script.Function is { } function
        ? FunctionCommands.Encode(shard, script.Sha, script.Source, function, script.ReadOnly, _acl?.Rules, script.Keys, script.Args)
        : ScriptCommands.Encode(shard, script.Sha, script.Source, script.ReadOnly, _acl?.Rules, script.Keys, script.Args);

    private CacheReply ScriptCommand(byte[][] a)
    {
        var sub = Arg.Lower(a[1]);
        switch (sub)
        {
            case "load" when a.Length == 3:
                return CacheReply.Bulk(_services.Scripts.Add(a[2]));
            case "exists" when a.Length >= 3:
                return CacheReply.Array(a[2..].Select(s => _services.Scripts.Contains(Arg.Text(s)) ? CacheReply.One : CacheReply.Zero).ToArray());
            case "flush" when a.Length == 2 || (a.Length == 3 && (Arg.Is(a[2], "async") || Arg.Is(a[2], "sync"))):
                _services.Scripts.Flush();
                return CacheReply.Ok;
            case "kill" when a.Length == 2:
                return CacheReply.Error("NOTBUSY No scripts in execution right now.");
            case "load" or "exists" or "flush" or "kill":
                return CacheErrors.WrongArity("script|" + sub);
            default:
                return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try SCRIPT HELP.");
        }
    }
}
