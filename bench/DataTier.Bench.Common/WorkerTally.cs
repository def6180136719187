namespace DataTier.Bench.Common;

/// <summary>What one load worker saw: the latencies of its successful operations and its failures.</summary>
public sealed class WorkerTally
{
    public LatencyHistogram Latencies { get; } = new();
    public long Errors { get; private set; }
    public string? FirstError { get; private set; }

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
