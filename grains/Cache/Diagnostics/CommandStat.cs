namespace DataTier.Cache.Diagnostics;

/// <summary>
/// One command's counters for INFO commandstats and latencystats and LATENCY HISTOGRAM. Every command a silo runs
/// updates them, from every core: each core counts into its own stripe (so the cores do not contend for one cache
/// line), and a read sums the stripes.
/// </summary>
public sealed class CommandStat(string name)
{
    private static readonly int StripeCount = Math.Max(1, Environment.ProcessorCount);

    private readonly Stripe[] _stripes = [.. Enumerable.Range(0, StripeCount).Select(_ => new Stripe())];

    public string Name { get; } = name;

    /// <summary>The latencies of all stripes together (a copy, made at each read).</summary>
    public LatencyHistogram Latencies
    {
        get
        {
            var all = new LatencyHistogram();
            foreach (var s in _stripes) all.Add(s.Latencies);
            return all;
        }
    }

    public long Calls => _stripes.Sum(s => Interlocked.Read(ref s.Calls));

    public long Micros => _stripes.Sum(s => Interlocked.Read(ref s.Nanos)) / 1000;

    /// <summary>Refused before running (wrong arity, ACL, out of memory, ...).</summary>
    public long Rejected => _stripes.Sum(s => Interlocked.Read(ref s.Rejected));

    /// <summary>Run, and answered an error.</summary>
    public long Failed => _stripes.Sum(s => Interlocked.Read(ref s.Failed));

    public void Ran(long nanos, bool failed, bool trackLatency)
    {
        var s = Mine();
        Interlocked.Increment(ref s.Calls);
        Interlocked.Add(ref s.Nanos, nanos);
        if (trackLatency) s.Latencies.Record(nanos);
        if (failed) Interlocked.Increment(ref s.Failed);
    }

    public void Refused() => Interlocked.Increment(ref Mine().Rejected);

    private Stripe Mine() => _stripes[Thread.GetCurrentProcessorId() % StripeCount];

    private sealed class Stripe
    {
        public long Calls;
        public long Nanos;
        public long Rejected;
        public long Failed;
        public readonly LatencyHistogram Latencies = new();
#pragma warning disable CS0169, IDE0051 // padding: keeps the next stripe's counters off this one's cache line
        private readonly long _pad0, _pad1, _pad2, _pad3, _pad4, _pad5, _pad6, _pad7;
#pragma warning restore CS0169, IDE0051
    }
}
