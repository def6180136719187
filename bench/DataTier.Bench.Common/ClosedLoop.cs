using System.Diagnostics;

namespace DataTier.Bench.Common;

/// <summary>
/// Runs N concurrent workers, each with one operation in flight (closed loop), for a warm-up and a
/// measured window on the monotonic clock: an operation counts if it completes inside the window.
/// </summary>
public static class ClosedLoop
{
    /// <summary>
    /// <paramref name="operation"/> gets the worker's index and its own <see cref="Random"/>, and
    /// returns null on success or a description of the failure. An exception counts as a failure.
    /// </summary>
    public static async Task<Measurement> RunAsync(int concurrency, double warmupSeconds, double durationSeconds,
        Func<int, Random, ValueTask<string?>> operation)
    {
        var start = Stopwatch.GetTimestamp() + (long)(warmupSeconds * Stopwatch.Frequency);
        var end = start + (long)(durationSeconds * Stopwatch.Frequency);
        var histograms = new LatencyHistogram[concurrency];
        var errors = new long[concurrency];
        string? firstError = null;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var histogram = histograms[w] = new LatencyHistogram();
            var random = new Random(w * 7919 + 1);
            while (true)
            {
                var began = Stopwatch.GetTimestamp();
                string? error;
                var threw = false;
                try
                {
                    error = await operation(w, random);
                }
                catch (Exception e)
                {
                    error = $"{e.GetType().Name}: {e.Message}";
                    threw = true;
                }
                var done = Stopwatch.GetTimestamp();
                // A refused connection fails at once; do not spin a core on it.
                if (threw) await Task.Delay(1);
                if (done >= end) return;
                if (done < start) continue;
                if (error is null)
                {
                    histogram.Record((done - began) * 1_000_000 / Stopwatch.Frequency);
                }
                else
                {
                    errors[w]++;
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        })));

        var merged = new LatencyHistogram();
        foreach (var h in histograms) merged.Add(h);
        return new Measurement(merged.Count, durationSeconds, merged.PercentileMillis(50), merged.PercentileMillis(99),
            merged.PercentileMillis(99.9), errors.Sum(), firstError);
    }
}
