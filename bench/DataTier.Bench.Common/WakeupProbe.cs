using System.Diagnostics;

namespace DataTier.Bench.Common;

/// <summary>
/// The machine's own scheduling noise, measured beside a run: a thread that sleeps a millisecond at a
/// time and records by how much each sleep overran it. A request wakes at least two threads (the
/// server's and the client's), so where this probe's p99 is a millisecond or more, a p99 target of
/// that order cannot be told apart from the machine by any server (a VM's stolen time, other processes).
/// </summary>
public sealed class WakeupProbe
{
    private readonly LatencyHistogram _overruns = new();
    private readonly long _start;
    private readonly Thread _thread;
    private volatile bool _stopping;

    private WakeupProbe(double warmupSeconds)
    {
        _start = Stopwatch.GetTimestamp() + (long)(warmupSeconds * Stopwatch.Frequency);
        _thread = new Thread(Run) { IsBackground = true, Name = "wake-up probe" };
        _thread.Start();
    }

    public sealed record Result(long Samples, double P50Millis, double P99Millis, double P999Millis);

    /// <summary>Starts the probe; sleeps that end in the first <paramref name="warmupSeconds"/> are not counted.</summary>
    public static WakeupProbe Start(double warmupSeconds) => new(warmupSeconds);

    public Result Stop()
    {
        _stopping = true;
        _thread.Join();
        return new Result(_overruns.Count, _overruns.PercentileMillis(50), _overruns.PercentileMillis(99), _overruns.PercentileMillis(99.9));
    }

    private void Run()
    {
        while (!_stopping)
        {
            var before = Stopwatch.GetTimestamp();
            Thread.Sleep(1);
            var after = Stopwatch.GetTimestamp();
            if (after < _start) continue;
            var micros = (after - before) * 1_000_000 / Stopwatch.Frequency - 1_000;
            _overruns.Record(Math.Max(0, micros));
        }
    }
}
