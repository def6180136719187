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
    /// returns null on success or a description of the failure. An exception counts as a failure. With
    /// <paramref name="blocking"/>, each worker has a thread of its own (<see cref="WorkerTally.RunWorkersAsync"/>).
    /// </summary>
    public static async Task<Measurement> RunAsync(int concurrency, double warmupSeconds, double durationSeconds,
        Func<int, Random, ValueTask<string?>> operation, bool blocking = false)
    {
        var start = Stopwatch.GetTimestamp() + (long)(warmupSeconds * Stopwatch.Frequency);
        var end = start + (long)(durationSeconds * Stopwatch.Frequency);
        var workers = await WorkerTally.RunWorkersAsync(concurrency, async (w, random, tally) =>
        {
            while (true)
            {
                var began = Stopwatch.GetTimestamp();
                var error = await WorkerTally.AttemptAsync(operation, w, random, blocking);
                var done = Stopwatch.GetTimestamp();
                if (done >= end) return;
                if (done >= start) tally.Record(error, (done - began) * 1_000_000 / Stopwatch.Frequency);
            }
        }, blocking);
        return Measurement.Of(workers, durationSeconds);
    }
}
