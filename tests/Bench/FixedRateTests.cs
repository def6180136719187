using DataTier.Bench.Common;
using Xunit;

namespace DataTier.Tests.Bench;

public sealed class FixedRateTests
{
    [Fact]
    public async Task Every_operation_due_in_the_window_is_counted_and_no_more()
    {
        var sent = 0;
        var m = await FixedRate.RunAsync(concurrency: 4, rate: 200, warmupSeconds: 0, durationSeconds: 0.5, (_, _) =>
        {
            Interlocked.Increment(ref sent);
            return ValueTask.FromResult<string?>(null);
        });
        // 200 a second for half a second: 25 start times per worker, whatever the machine's timing.
        Assert.Equal(100, m.Ops);
        Assert.Equal(100, sent);
        Assert.Equal(0, m.Errors);
    }

    [Fact]
    public async Task A_stall_is_charged_to_every_operation_that_waited_for_it()
    {
        // One worker, one start every 10 ms; the first operation takes 300 ms. The 29 operations due
        // meanwhile go out late and count from when they were due (290 ms down to 10 ms), so more than
        // half of the 50 operations are slower than 20 ms. A closed loop would record one slow operation.
        var first = true;
        var m = await FixedRate.RunAsync(concurrency: 1, rate: 100, warmupSeconds: 0, durationSeconds: 0.5, async (_, _) =>
        {
            if (first)
            {
                first = false;
                await Task.Delay(300);
            }
            return null;
        });
        Assert.Equal(50, m.Ops);
        Assert.True(m.P50 >= 20, $"p50 {m.P50} ms");
        Assert.True(m.P99 >= 250, $"p99 {m.P99} ms");
    }

    [Fact]
    public async Task Failures_are_counted_apart_from_latencies()
    {
        var n = 0;
        var m = await FixedRate.RunAsync(concurrency: 2, rate: 100, warmupSeconds: 0, durationSeconds: 0.2,
            (_, _) => ValueTask.FromResult(Interlocked.Increment(ref n) % 2 == 0 ? "refused" : null));
        Assert.Equal(20, m.Ops + m.Errors);
        Assert.Equal(10, m.Errors);
        Assert.Equal("refused", m.FirstError);
    }
}
