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
        replicationSeq = -1;
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
        var replies = new CacheReply[commands.Length];
        KeyWaiterSignals? signals;
        lock (ks.Gate)
        {
            if (ks.Closed) return null;
            ks.Now = time.GetUtcNow().ToUnixTimeMilliseconds();
            for (var i = 0; i < commands.Length; i++)
                replies[i] = refuseGrowth && CommandTable.DeniedOutOfMemory(commands[i].Id) ? Refused(ks, commands[i]) : ShardExecutor.ExecuteTimed(ks, commands[i], commands[i].Caller);
            signals = ks.TakeSignals();
            replicationSeq = ks.Feed?.PendingSeq ?? -1;
        }
        Signal(signals);
        return replies;
    }

    /// <summary>Runs one command; null when the keyspace has closed.</summary>
    public CacheReply? TryRun(CacheKeyspace ks, ShardCommand command) => TryRun(ks, command, out _);

    /// <summary>Runs one command and gives the replication sequence number that covers its changes, as the batch form does.</summary>
    public CacheReply? TryRun(CacheKeyspace ks, ShardCommand command, out long replicationSeq)
    {
        replicationSeq = -1;
        var refuseGrowth = budget.OverLimit && CommandTable.DeniedOutOfMemory(command.Id) && !evictor.MakeRoom();
        CacheReply reply;
        KeyWaiterSignals? signals;
        lock (ks.Gate)
        {
            if (ks.Closed) return null;
            ks.Now = time.GetUtcNow().ToUnixTimeMilliseconds();
            reply = refuseGrowth ? Refused(ks, command) : ShardExecutor.ExecuteTimed(ks, command, command.Caller);
            signals = ks.TakeSignals();
            replicationSeq = ks.Feed?.PendingSeq ?? -1;
        }
        Signal(signals);
        return reply;
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
