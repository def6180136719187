using DataTier.Bench.Common;
using Xunit;

namespace DataTier.Tests.Bench;

public sealed class ClosedLoopTests
{
    [Fact]
    public async Task Failures_and_exceptions_are_counted_apart_from_latencies()
    {
        var n = 0;
        // Three seconds: on a busy machine a shorter window saw as little as one call end, and in one full run (while other
        // test classes started their silos) not a single success within one second.
        var m = await ClosedLoop.RunAsync(concurrency: 2, warmupSeconds: 0, durationSeconds: 3, async (_, _) =>
        {
            await Task.Delay(5);
            return (Interlocked.Increment(ref n) % 3) switch
            {
                0 => "refused",
                1 => throw new InvalidOperationException("broken"),
                _ => null,
            };
        });
        Assert.True(m.Ops > 0);
        Assert.True(m.Errors >= m.Ops, $"{m.Errors} errors, {m.Ops} successes");
        Assert.True(m.FirstError is "refused" or "InvalidOperationException: broken", m.FirstError);
        Assert.True(m.P50 >= 5, $"p50 {m.P50} ms");
    }
}
