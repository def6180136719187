using System.Collections.Concurrent;
using DataTier.Bench.Common;
using Xunit;

namespace DataTier.Tests.Bench;

/// <summary>Workers whose operations block (the HTTP generator's raw connections) each keep a thread of their own.</summary>
public sealed class BlockingWorkersTests
{
    [Fact]
    public async Task A_fixed_rate_runs_each_worker_on_its_own_thread_for_every_operation_and_pause()
    {
        var threads = new ConcurrentDictionary<int, ConcurrentBag<Thread>>();
        var pooled = 0;
        var m = await FixedRate.RunAsync(concurrency: 4, rate: 200, warmupSeconds: 0, durationSeconds: 0.5, (w, _) =>
        {
            threads.GetOrAdd(w, _ => []).Add(Thread.CurrentThread);
            if (Thread.CurrentThread.IsThreadPoolThread) Interlocked.Increment(ref pooled);
            return ValueTask.FromResult<string?>(null);
        }, blocking: true);

        // The same count as pooled workers (25 start times per worker), the pauses between them being sleeps.
        Assert.Equal(100, m.Ops);
        Assert.Equal(4, threads.Count);
        Assert.Equal(0, pooled);
        foreach (var (w, seen) in threads)
        {
            var thread = Assert.Single(seen.Distinct());
            Assert.Equal($"load worker {w}", thread.Name);
        }
        Assert.Equal(4, threads.Values.Select(t => t.First()).Distinct().Count());
    }

    [Fact]
    public async Task A_closed_loop_counts_failures_and_exceptions_of_blocking_workers()
    {
        var n = 0;
        var m = await ClosedLoop.RunAsync(concurrency: 2, warmupSeconds: 0, durationSeconds: 1, (_, _) =>
        {
            Thread.Sleep(5);
            Assert.False(Thread.CurrentThread.IsThreadPoolThread);
            return (Interlocked.Increment(ref n) % 3) switch
            {
                0 => ValueTask.FromResult<string?>("refused"),
                1 => throw new InvalidOperationException("broken"),
                _ => ValueTask.FromResult<string?>(null),
            };
        }, blocking: true);
        Assert.True(m.Ops > 0);
        Assert.True(m.Errors >= m.Ops, $"{m.Errors} errors, {m.Ops} successes");
        Assert.True(m.P50 >= 5, $"p50 {m.P50} ms");
    }

    [Fact]
    public async Task A_worker_that_throws_outside_its_operations_fails_the_run()
    {
        var run = WorkerTally.RunWorkersAsync(2, (w, _, _) => w == 1 ? throw new InvalidOperationException("worker broke") : Task.CompletedTask, blocking: true);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Equal("worker broke", e.Message);
    }
}
