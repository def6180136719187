namespace DataTier.Bench.Common;

/// <summary>What one load worker saw: the latencies of its successful operations and its failures.</summary>
public sealed class WorkerTally
{
    public LatencyHistogram Latencies { get; } = new();
    public long Errors { get; private set; }
    public string? FirstError { get; private set; }

    /// <summary>
    /// Runs <paramref name="concurrency"/> workers at once, each with its tally and its own <see cref="Random"/>
    /// (seeded by its index, so every run draws the same keys), and returns their tallies. With
    /// <paramref name="blocking"/>, the operations block (synchronous I/O, completed tasks): each worker runs on
    /// a thread of its own, so that it never leaves it, and its pauses (<see cref="PauseAsync"/>) sleep that thread.
    /// </summary>
    public static async Task<WorkerTally[]> RunWorkersAsync(int concurrency, Func<int, Random, WorkerTally, Task> worker, bool blocking = false)
    {
        var tallies = Enumerable.Range(0, concurrency).Select(_ => new WorkerTally()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w =>
        {
            Task Run() => worker(w, new Random(w * 7919 + 1), tallies[w]);
            return blocking ? OnOwnThread(w, Run) : Task.Run(Run);
        }));
        return tallies;
    }

    private static Task OnOwnThread(int index, Func<Task> work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                work().GetAwaiter().GetResult();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }) { IsBackground = true, Name = $"load worker {index}" }.Start();
        return done.Task;
    }

    /// <summary>Waits <paramref name="delay"/>: a timer for pooled workers, a sleep of the thread (whole milliseconds, rounded up) for blocking ones.</summary>
    public static ValueTask PauseAsync(TimeSpan delay, bool blocking)
    {
        if (!blocking) return new ValueTask(Task.Delay(delay));
        Thread.Sleep(TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)));
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Runs one operation: null on success, else a description of the failure. An exception counts as
    /// a failure, after a millisecond's pause (a refused connection fails at once; do not spin a core on it).
    /// </summary>
    public static async ValueTask<string?> AttemptAsync(Func<int, Random, ValueTask<string?>> operation, int worker, Random random, bool blocking = false)
    {
        try
        {
            return await operation(worker, random);
        }
        catch (Exception e)
        {
            await PauseAsync(TimeSpan.FromMilliseconds(1), blocking);
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    public void Record(string? error, long micros)
    {
        if (error is null)
        {
            Latencies.Record(micros);
            return;
        }
        Errors++;
        FirstError ??= error;
    }
}
