namespace DataTier.Bench.Common;

/// <summary>What one measured window saw; latencies in milliseconds (upper bucket edges).</summary>
public sealed record Measurement(long Ops, double Seconds, double P50, double P99, double P999, long Errors, string? FirstError)
{
    public double OpsPerSecond => Seconds > 0 ? Ops / Seconds : 0;
}
