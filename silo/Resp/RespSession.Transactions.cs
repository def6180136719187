using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Resp;

/// <summary>
/// MULTI, EXEC, DISCARD, WATCH and UNWATCH. WATCH registers the keys with their shards, which count every change made
/// to them from then on. Commands after MULTI are checked and queued; EXEC sends them, with the watch tokens, to the one
/// shard that holds all their keys (and the watched ones), which runs them in one pass (atomically) unless a watched
/// key was touched. Keys on several shards get Redis Cluster's CROSSSLOT error, as ElastiCache in cluster
/// mode answers: a transaction here is atomic or refused, never half applied across shards. Scripts (EVAL, EVALSHA
/// and their read-only forms) and function calls (FCALL, FCALL_RO) may be queued too: they run on the transaction's shard in their turn, and so do XREAD and
/// XREADGROUP, XGROUP and XINFO, LMPOP, ZMPOP, ZUNION and the like, and the blocking pops (those without waiting, as in
/// Redis). PING, ECHO, UNWATCH and WAIT are answered by the session in their places.
/// </summary>
public sealed partial class RespSession
{
    private List<byte[][]>? _queued;
    private bool _queueFailed;
    private List<(byte[] Key, byte[] Token)>? _watches;

    private static readonly CacheReply Queued = CacheReply.Simple("QUEUED");
    private static readonly CacheReply CrossSlot = CacheReply.Error("CROSSSLOT Keys in request don't hash to the same slot");

    private bool InTransaction => _queued is not null;

    /// <summary>CLIENT LIST's multi: the commands queued, or -1 outside MULTI.</summary>
    private int QueuedCount => _queued?.Count ?? -1;

    /// <summary>Commands that run at once even inside MULTI.</summary>
    private static bool ControlsTransaction(CommandId id) => id is CommandId.Multi or CommandId.Exec or CommandId.Discard
        or CommandId.Watch or CommandId.Quit or CommandId.Reset;

    /// <summary>A command given after MULTI: queued if it can run on a shard (its keys known), refused otherwise (then EXEC aborts).</summary>
    private CacheReply Enqueue(CommandSpec spec, byte[][] a)
    {
        if (AnsweredInTransaction(spec.Id))
        {
            _queued!.Add(a);
            return Queued;
        }
        if (!IsEval(spec.Id) && !IsFunctionCall(spec.Id) && !CommandKeys.RunsOnOneShard(spec))
        {
            _queueFailed = true;
            return CacheReply.Error("ERR Command not allowed inside a transaction");
        }
        _queued!.Add(a);
        return Queued;
    }

    /// <summary>A failed check while queueing (unknown command, wrong arity) makes EXEC abort, as in Redis.</summary>
    private void FlagTransaction()
    {
        if (InTransaction) _queueFailed = true;
    }

    private CacheReply Multi()
    {
        if (InTransaction) return CacheReply.Error("ERR MULTI calls can not be nested");
        _queued = [];
        _queueFailed = false;
        return CacheReply.Ok;
    }

    private CacheReply Discard()
    {
        if (!InTransaction) return CacheReply.Error("ERR DISCARD without MULTI");
        EndTransaction();
        return CacheReply.Ok;
    }

    private CacheReply Unwatch()
    {
        ReleaseWatches();
        return CacheReply.Ok;
    }

    private void EndTransaction()
    {
        _queued = null;
        _queueFailed = false;
        ReleaseWatches();
    }

    /// <summary>Tells the shards of the watched keys the watch is over (in the background: nothing waits on it).</summary>
    private void ReleaseWatches()
    {
        if (_watches is not { Count: > 0 } watches)
        {
            _watches = null;
            return;
        }
        _watches = null;
        foreach (var group in watches.GroupBy(w => CacheRouter.ShardOf(w.Key)))
        {
            byte[][] args = ["UNWATCH"u8.ToArray(), .. group.Select(w => w.Key)];
            _ = _router.Execute(group.Key, new ShardCommand(CommandId.UnwatchOnShard, args));
        }
    }

    private async Task<CacheReply> WatchAsync(byte[][] a)
    {
        if (InTransaction) return CacheReply.Error("ERR WATCH inside MULTI is not allowed");
        _watches ??= [];
        foreach (var group in a.Skip(1).GroupBy(k => CacheRouter.ShardOf(k)))
        {
            var keys = group.ToArray();
            var tokens = await _router.Execute(group.Key, new ShardCommand(CommandId.WatchOnShard, ["WATCH"u8.ToArray(), .. keys]));
            for (var i = 0; i < keys.Length; i++) _watches.Add((keys[i], tokens.Items![i].Bytes!));
        }
        return CacheReply.Ok;
    }

    private async Task<CacheReply> ExecAsync()
    {
        if (!InTransaction) return CacheReply.Error("ERR EXEC without MULTI");
        var queued = _queued!;
        var watches = _watches ?? [];
        var failed = _queueFailed;
        _queued = null;
        _queueFailed = false;
        if (failed)
        {
            ReleaseWatches();
            return CacheReply.Error("EXECABORT Transaction discarded because of previous errors.");
        }
        // Scripts are checked now, as Redis checks them at EXEC: one that fails (numkeys, NOSCRIPT) answers its error in
        // its place, and the others run on the shard with the transaction's other commands.
        var specs = queued.Select(q => CommandTable.Find(q[0])!).ToArray();
        var answered = new CacheReply?[queued.Count];
        var scripts = new PreparedScript?[queued.Count];
        var keys = new List<byte[]>(watches.Select(w => w.Key));
        var functions = specs.Any(s => IsFunctionCall(s.Id)) ? await _services.Functions.CurrentAsync() : null;
        for (var i = 0; i < queued.Count; i++)
        {
            // WAIT counts the acknowledgements of what the client changed before the transaction, as Redis' does.
            if (specs[i].Id == CommandId.Wait) answered[i] = await WaitInTransactionAsync(queued[i]);
            if (AnsweredInTransaction(specs[i].Id)) continue;
            if (!IsEval(specs[i].Id) && !IsFunctionCall(specs[i].Id))
            {
                keys.AddRange(CommandKeys.Of(specs[i], queued[i]));
                continue;
            }
            var script = functions is not null && IsFunctionCall(specs[i].Id) ? PrepareFunctionCall(specs[i], queued[i], functions) : PrepareScript(specs[i], queued[i]);
            if (script.Error is { } error) answered[i] = error;
            else
            {
                scripts[i] = script;
                keys.AddRange(script.Keys);
            }
        }
        var shards = keys.Select(k => CacheRouter.ShardOf(k)).Distinct().ToList();
        if (shards.Count > 1)
        {
            ReleaseWatches();
            return CrossSlot;
        }
        _watches = null;
        var shard = shards.Count == 1 ? shards[0] : 0;
        var onShard = new List<byte[][]>();
        for (var i = 0; i < queued.Count; i++)
        {
            if (answered[i] is not null || AnsweredInTransaction(specs[i].Id)) continue;
            onShard.Add(scripts[i] is { } script ? EncodeScript(script, shard) : queued[i]);
        }
        CacheReply shardReply;
        if (onShard.Count == 0 && watches.Count == 0) shardReply = CacheReply.EmptyArray;
        // The shard ends the watches itself, whatever the outcome.
        else shardReply = await _router.Execute(shard, ForShard(CommandId.ExecOnShard, TransactionCommands.Encode(watches, onShard)));
        if (shardReply.Kind != ReplyKind.Array || onShard.Count == queued.Count) return shardReply;
        // PING, ECHO, UNWATCH and failed scripts answered here, in their places among the shard's replies.
        var replies = new CacheReply[queued.Count];
        var next = 0;
        for (var i = 0; i < queued.Count; i++)
        {
            replies[i] = answered[i]
                ?? (AnsweredInTransaction(specs[i].Id) ? (specs[i].Id == CommandId.Unwatch ? CacheReply.Ok : RunSessionCommand(specs[i], queued[i])) : shardReply.Items![next++]);
        }
        return CacheReply.Array(replies);
    }

    /// <summary>Keyless commands a transaction may hold: answered by the session at EXEC, in order.</summary>
    private static bool AnsweredInTransaction(CommandId id) => id is CommandId.Ping or CommandId.Echo or CommandId.Unwatch or CommandId.Wait;
}
