using System.Diagnostics;

namespace DataTier.Bench.Http;

/// <summary>Drives PutItem and GetItem with N concurrent workers, each with one request in flight.</summary>
public sealed class LoadRunner(LoadOptions options, DynamoHttpClient client)
{
    private readonly DynamoRequests _requests = new(options);
    private string? _firstError;

    /// <summary>The first failure seen while measuring (status and body, or the exception), if any.</summary>
    public string? FirstError => _firstError;

    /// <summary>Creates the tables (existing ones are fine) and puts every key, so that gets hit, and the query table's rows.</summary>
    public async Task CreateTableAsync()
    {
        foreach (var create in new[] { _requests.CreateTable(), _requests.CreateQueryTable() })
        {
            var (status, error) = await client.SendAsync("CreateTable", create);
            if (status != 200 && error?.Contains("ResourceInUseException", StringComparison.Ordinal) != true)
                throw new InvalidOperationException($"CreateTable failed: {status} {error}");
        }
        await WaitUntilActiveAsync();
        foreach (var row in _requests.QueryRows)
        {
            var (s, e) = await client.SendAsync("PutItem", row);
            if (e is not null) throw new InvalidOperationException($"preload of the query table failed: {s} {e}");
        }

        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            int key;
            while ((key = Interlocked.Increment(ref next)) < options.Items)
            {
                var (s, e) = await client.SendAsync("PutItem", _requests.Puts[key]);
                if (e is not null) throw new InvalidOperationException($"preload PutItem failed: {s} {e}");
            }
        })));
    }

    private async Task WaitUntilActiveAsync()
    {
        var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
        while (true)
        {
            var (status, body) = await client.SendForBodyAsync("DescribeTable", _requests.DescribeTable());
            if (status == 200 && !body.Contains("\"TableStatus\":\"CREATING\"", StringComparison.Ordinal)) return;
            if (Stopwatch.GetTimestamp() > deadline) throw new InvalidOperationException($"table {options.Table} not active after 30 s: {status} {body}");
            await Task.Delay(200);
        }
    }

    public async Task<LoadResult> RunAsync()
    {
        // Fixed windows on the monotonic clock: an operation counts if it completes inside the
        // measured window, whatever the scheduling of the workers.
        var start = Stopwatch.GetTimestamp() + options.Warmup * Stopwatch.Frequency;
        var end = start + options.Duration * Stopwatch.Frequency;
        var histograms = new LatencyHistogram[options.Concurrency];
        var errors = new long[options.Concurrency];
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(async () =>
        {
            histograms[w] = new LatencyHistogram();
            errors[w] = await WorkAsync(w, start, end, histograms[w]);
        })));

        var merged = new LatencyHistogram();
        foreach (var h in histograms) merged.Add(h);
        return new LoadResult(options, merged.Count, options.Duration,
            merged.PercentileMillis(50), merged.PercentileMillis(99), merged.PercentileMillis(99.9), errors.Sum());
    }

    private async Task<long> WorkAsync(int worker, long start, long end, LatencyHistogram histogram)
    {
        var random = new Random(worker * 7919 + 1);
        long errors = 0;
        while (true)
        {
            var (operation, request) = Next(random);
            var began = Stopwatch.GetTimestamp();
            string? error;
            var exception = false;
            try
            {
                var (status, body) = await client.SendAsync(operation, request);
                error = body is null ? null : $"{status} {body}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                error = $"{e.GetType().Name}: {e.Message}";
                exception = true;
            }
            var done = Stopwatch.GetTimestamp();
            // A refused connection fails at once; do not spin a core on it.
            if (exception) await Task.Delay(1);
            if (done >= end) return errors;
            if (done < start) continue;
            if (error is null)
            {
                histogram.Record((done - began) * 1_000_000 / Stopwatch.Frequency);
            }
            else
            {
                errors++;
                Interlocked.CompareExchange(ref _firstError, error, null);
            }
        }
    }

    private (string Operation, byte[] Body) Next(Random random)
    {
        var key = random.Next(options.Items);
        return options.Mix switch
        {
            "put" => ("PutItem", _requests.Puts[key]),
            "mixed" => random.Next(2) == 0 ? ("PutItem", _requests.Puts[key]) : ("GetItem", _requests.Gets[key]),
            "update" => ("UpdateItem", _requests.Updates[key]),
            "transact10" => ("TransactWriteItems", _requests.TransactPuts(random, 10)),
            "query1mb" => ("Query", _requests.QueryPage),
            _ => ("GetItem", _requests.Gets[key]),
        };
    }
}
