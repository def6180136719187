namespace DataTier.Bench.Common;

/// <summary>What one load worker saw: the latencies of its successful operations and its failures.</summary>
public sealed class WorkerTally
{
    public LatencyHistogram Latencies { get; } = new();
    public long Errors { get; private set; }
    public string? FirstError { get; private set; }

    /// <summary>
    /// Runs <paramref name="concurrency"/> workers at once, each with its tally and its own <see cref="Random"/>
    /// (seeded by its index, so every run draws the same keys), and returns their tallies.
    /// </summary>
    public static async Task<WorkerTally[]> RunWorkersAsync(int concurrency, Func<int, Random, WorkerTally, Task> worker)
    {
        var tallies = Enumerable.Range(0, concurrency).Select(_ => new WorkerTally()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(() => worker(w, new Random(w * 7919 + 1), tallies[w]))));
        return tallies;
    }

    /// <summary>
    /// Runs one operation: null on success, else a description of the failure. An exception counts as
    /// a failure, after a millisecond's pause (a refused connection fails at once; do not spin a core on it).
    /// </summary>
    public static async ValueTask<string?> AttemptAsync(Func<int, Random, ValueTask<string?>> operation, int worker, Random random)
    {
        try
        {
            return await operation(worker, random);
        }
        catch (Exception e)
        {
            await Task.Delay(1);
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
