using System.Diagnostics;
using DataTier.Bench.Common;
using Xunit;

namespace DataTier.Tests.Bench;

public sealed class WakeupProbeTests
{
    [Fact]
    public void The_probe_counts_one_overrun_per_millisecond_sleep_after_its_warm_up()
    {
        var started = Stopwatch.StartNew();
        var probe = WakeupProbe.Start(warmupSeconds: 0.1);
        Thread.Sleep(400);
        var result = probe.Stop();
        var elapsed = started.Elapsed.TotalMilliseconds;

        // Every counted sleep lasted at least a millisecond, and none ended in the first 100 ms.
        Assert.InRange(result.Samples, 1, (long)(elapsed - 100) + 1);
        Assert.True(result.P50Millis >= 0 && result.P50Millis <= result.P99Millis && result.P99Millis <= result.P999Millis,
            $"p50 {result.P50Millis}, p99 {result.P99Millis}, p99.9 {result.P999Millis}");
    }

    [Fact]
    public void A_probe_stopped_in_its_warm_up_counts_nothing()
    {
        var result = WakeupProbe.Start(warmupSeconds: 30).Stop();
        Assert.Equal(0, result.Samples);
        Assert.Equal(0, result.P99Millis);
    }
}
