namespace DataTier.Cache.Diagnostics;

/// <summary>One command's counters for INFO commandstats and latencystats and LATENCY HISTOGRAM.</summary>
public sealed class CommandStat(string name)
{
    private long _calls;
    private long _nanos;
    private long _rejected;
    private long _failed;

    public string Name { get; } = name;

    public LatencyHistogram Latencies { get; } = new();

    public long Calls => Interlocked.Read(ref _calls);

    public long Micros => Interlocked.Read(ref _nanos) / 1000;

    /// <summary>Refused before running (wrong arity, ACL, out of memory, ...).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Run, and answered an error.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public void Ran(long nanos, bool failed, bool trackLatency)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _nanos, nanos);
        if (trackLatency) Latencies.Record(nanos);
        if (failed) Interlocked.Increment(ref _failed);
    }

    public void Refused() => Interlocked.Increment(ref _rejected);
}
