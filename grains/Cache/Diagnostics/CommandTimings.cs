using DataTier.Cache.Commands;

namespace DataTier.Cache.Diagnostics;

/// <summary>Where a silo's timed commands go: its command statistics, its slow log and its latency monitor.</summary>
public sealed class CommandTimings(CommandStats stats, SlowLog slowLog, LatencyMonitor latency)
{
    public CommandStats Stats => stats;

    public SlowLog SlowLog => slowLog;

    public LatencyMonitor Latency => latency;

    /// <summary>A client's command that ran <paramref name="elapsed"/> (in Stopwatch ticks) and answered <paramref name="reply"/>.</summary>
    /// <param name="redacted">Which arguments the slow log hides; asked only of a command slow enough to be logged.</param>
    public void Ran(CommandSpec spec, byte[][] args, long elapsed, CacheReply reply, SlowLogCaller caller, Func<CommandSpec, byte[][], int, bool>? redacted = null)
    {
        stats.Ran(spec, args, elapsed, reply);
        latency.Command(spec, elapsed);
        // EXEC's commands are logged one by one, and EXEC not, as Redis' skip_slowlog flag has it.
        if (spec.Id != CommandId.Exec && slowLog.IsSlow(elapsed)) slowLog.Record(elapsed, args, caller, redacted is null ? null : i => redacted(spec, args, i));
    }
}
