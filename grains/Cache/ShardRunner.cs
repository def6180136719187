using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Memory;

namespace DataTier.Cache;

/// <summary>
/// Runs commands on a shard's keyspace under its gate: by the shard grain for calls, and directly by
/// RESP sessions when the shard is active on their own silo. Over the memory limit, it first evicts
/// by the policy; commands that may grow memory get the OOM error when nothing can be evicted.
/// </summary>
public sealed class ShardRunner(CacheEvictor evictor, CacheMemoryBudget budget, TimeProvider time, Blocking.KeyWakeups? lists = null)
{
    /// <summary>Runs the batch; null when the keyspace has closed (the shard moved), so the caller must go through the grain.</summary>
    public CacheReply[]? TryRun(CacheKeyspace ks, ShardCommand[] commands) => TryRun(ks, commands, out _);

    /// <summary>
    /// Runs the batch and gives the replication sequence number that covers its changes (what a replica must have
    /// acknowledged for WAIT), or -1 when the shard feeds no replicas now.
    /// </summary>
    public CacheReply[]? TryRun(CacheKeyspace ks, ShardCommand[] commands, out long replicationSeq)
    {
        var refuseGrowth = false;
        if (budget.OverLimit)
        {
            foreach (var c in commands)
            {
                if (!CommandTable.DeniedOutOfMemory(c.Id)) continue;
                refuseGrowth = !evictor.MakeRoom();
                break;
            }
        }
        return UnderGate(ks, (commands, refuseGrowth), static (ks, s) =>
        {
            var replies = new CacheReply[s.commands.Length];
            for (var i = 0; i < s.commands.Length; i++)
                replies[i] = s.refuseGrowth && CommandTable.DeniedOutOfMemory(s.commands[i].Id) ? Refused(ks, s.commands[i]) : ShardExecutor.ExecuteTimed(ks, s.commands[i], s.commands[i].Caller);
            return replies;
        }, out replicationSeq);
    }

    /// <summary>Runs one command; null when the keyspace has closed.</summary>
    public CacheReply? TryRun(CacheKeyspace ks, ShardCommand command) => TryRun(ks, command, out _);

    /// <summary>Runs one command and gives the replication sequence number that covers its changes, as the batch form does.</summary>
    public CacheReply? TryRun(CacheKeyspace ks, ShardCommand command, out long replicationSeq)
    {
        var refuseGrowth = budget.OverLimit && CommandTable.DeniedOutOfMemory(command.Id) && !evictor.MakeRoom();
        return UnderGate(ks, (command, refuseGrowth), static (ks, s) =>
            s.refuseGrowth ? Refused(ks, s.command) : ShardExecutor.ExecuteTimed(ks, s.command, s.command.Caller), out replicationSeq);
    }

    /// <summary>
    /// Runs <paramref name="run"/> under the keyspace's gate with the shard's clock set, then wakes the blocked clients
    /// its changes owe and gives the replication number covering them; null when the keyspace has closed. The one
    /// sequence for batches and single commands (a static function and a value state, so nothing is allocated for it).
    /// </summary>
    private TResult? UnderGate<TState, TResult>(CacheKeyspace ks, TState state, Func<CacheKeyspace, TState, TResult> run, out long replicationSeq)
        where TResult : class
    {
        replicationSeq = -1;
        TResult result;
        KeyWaiterSignals? signals;
        lock (ks.Gate)
        {
            if (ks.Closed) return null;
            ks.Now = time.GetUtcNow().ToUnixTimeMilliseconds();
            ks.CollectInvalidations();
            try
            {
                result = run(ks, state);
            }
            finally
            {
                // Before the gate is released, so the tracking clients of this silo are told before the reply goes out.
                ks.DeliverInvalidations();
            }
            signals = ks.TakeSignals();
            replicationSeq = ks.Feed?.PendingSeq ?? -1;
        }
        Signal(signals);
        return result;
    }

    /// <summary>Wakes the clients waiting on the keys a change under the keyspace's gate has filled (taken there, signalled after it).</summary>
    public void Signal(KeyWaiterSignals? signals)
    {
        if (signals is not null) lists?.Signal(signals.Keys, signals.Tickets);
    }

    /// <summary>The out-of-memory error, counted against a client's command as Redis counts a rejected call.</summary>
    private static CacheReply Refused(CacheKeyspace ks, ShardCommand command)
    {
        if (command.Caller is not null && ks.Timings is { } timings && CommandTable.ById(command.Id) is { } spec) timings.Stats.Refused(spec, command.Args, CacheErrors.OutOfMemory);
        return CacheErrors.OutOfMemory;
    }

    public long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
