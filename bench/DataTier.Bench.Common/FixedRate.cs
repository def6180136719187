using System.Diagnostics;

namespace DataTier.Bench.Common;

/// <summary>
/// Offers a fixed rate of operations (open loop, as YCSB's <c>-target</c> and wrk2's <c>-R</c>): N
/// workers, each with at most one operation in flight, each on its own schedule of evenly spaced start
/// times, staggered so that together they start <c>rate</c> operations a second. A worker whose
/// previous operation ran past its next start time sends at once, and that operation's latency counts
/// from the time it was due, not from when it went out (no coordinated omission): a server that
/// stalls is charged for the requests it kept waiting. A worker that slept and woke late (timer slack
/// on a busy machine) counts from when it sent, for that delay was the client's.
/// </summary>
public static class FixedRate
{
    /// <summary>
    /// Operations due in the measured window count; the run ends when every worker's next operation
    /// would be due after it. <paramref name="operation"/> and <paramref name="blocking"/> are as in <see cref="ClosedLoop.RunAsync"/>.
    /// </summary>
    public static async Task<Measurement> RunAsync(int concurrency, double rate, double warmupSeconds, double durationSeconds,
        Func<int, Random, ValueTask<string?>> operation, bool blocking = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        var origin = Stopwatch.GetTimestamp();
        var start = origin + (long)(warmupSeconds * Stopwatch.Frequency);
        var end = start + (long)(durationSeconds * Stopwatch.Frequency);
        // Each worker starts one operation every `interval` ticks; worker w is offset by w/N of it.
        var interval = concurrency * Stopwatch.Frequency / rate;
        var workers = await WorkerTally.RunWorkersAsync(concurrency, async (w, random, tally) =>
        {
            var previousDone = origin;
            for (long k = 0; ; k++)
            {
                var due = origin + (long)((k + (double)w / concurrency) * interval);
                if (due >= end) return;
                var now = Stopwatch.GetTimestamp();
                if (now < due)
                {
                    await WorkerTally.PauseAsync(TimeSpan.FromTicks((due - now) * TimeSpan.TicksPerSecond / Stopwatch.Frequency), blocking);
                }
                var sent = Stopwatch.GetTimestamp();
                // Late because the previous operation had not finished: the server's delay, charged to it.
                var began = previousDone > due ? due : sent;
                var error = await WorkerTally.AttemptAsync(operation, w, random, blocking);
                var done = previousDone = Stopwatch.GetTimestamp();
                if (due >= start) tally.Record(error, (done - began) * 1_000_000 / Stopwatch.Frequency);
            }
        }, blocking);

        return Measurement.Of(workers, durationSeconds);
    }
}
