namespace DataTier.Bench.Common;

/// <summary>What one measured window saw; latencies in milliseconds (upper bucket edges).</summary>
public sealed record Measurement(long Ops, double Seconds, double P50, double P99, double P999, long Errors, string? FirstError)
{
    public double OpsPerSecond => Seconds > 0 ? Ops / Seconds : 0;

    /// <summary>Merges the workers' tallies of one measured window.</summary>
    public static Measurement Of(IReadOnlyList<WorkerTally> workers, double seconds)
    {
        var merged = new LatencyHistogram();
        foreach (var w in workers) merged.Add(w.Latencies);
        return new Measurement(merged.Count, seconds, merged.PercentileMillis(50), merged.PercentileMillis(99),
            merged.PercentileMillis(99.9), workers.Sum(w => w.Errors), workers.Select(w => w.FirstError).FirstOrDefault(e => e is not null));
    }
}
