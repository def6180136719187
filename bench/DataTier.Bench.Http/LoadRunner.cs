using System.Diagnostics;
using System.Net.Http.Headers;

namespace DataTier.Bench.Http;

/// <summary>Drives PutItem and GetItem with N concurrent workers over one pooled HTTP client.</summary>
public sealed class LoadRunner(LoadOptions options)
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/x-amz-json-1.0");
    private readonly DynamoRequests _requests = new(options);
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.Concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    }) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30) };

    public async Task PrepareAsync()
    {
        if (!options.CreateTable) return;
        var (status, body) = await SendAsync("CreateTable", _requests.CreateTable());
        if (status != 200 && !body.Contains("ResourceInUseException")) throw new InvalidOperationException($"CreateTable failed: {status} {body}");
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            int key;
            while ((key = Interlocked.Increment(ref next) - 1) < options.Items)
            {
                var (s, b) = await SendAsync("PutItem", _requests.Put(key));
                if (s != 200) throw new InvalidOperationException($"preload PutItem failed: {s} {b}");
            }
        }));
    }

    public async Task<LoadResult> RunAsync()
    {
        var measuring = false;
        var stop = false;
        var histograms = new LatencyHistogram[options.Concurrency];
        var errors = new long[options.Concurrency];
        var workers = Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var histogram = histograms[w] = new LatencyHistogram();
            var (gets, puts) = (Prebuild(_requests.Get), Prebuild(_requests.Put));
            while (!Volatile.Read(ref stop))
            {
                var key = random.Next(options.Items);
                var put = options.Mix == "put" || (options.Mix == "mixed" && random.Next(2) == 0);
                var started = Stopwatch.GetTimestamp();
                var ok = await SendFastAsync(put ? "PutItem" : "GetItem", put ? puts[key] : gets[key]);
                var micros = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                if (!Volatile.Read(ref measuring)) continue;
                histogram.Record(micros);
                if (!ok) errors[w]++;
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(options.Warmup));
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.Duration));
        Volatile.Write(ref measuring, false);
        var elapsed = clock.Elapsed;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers);

        var merged = new LatencyHistogram();
        foreach (var h in histograms) merged.Add(h);
        return new LoadResult(options.Label, options.Mix, options.Concurrency, merged.Count / elapsed.TotalSeconds,
            merged.PercentileMillis(50), merged.PercentileMillis(99), merged.PercentileMillis(99.9), errors.Sum());
    }

    private byte[][] Prebuild(Func<int, byte[]> build)
    {
        // Bodies for a slice of the key space are enough and keep memory small for 1 KB items.
        var count = Math.Min(options.Items, 2048);
        var bodies = new byte[options.Items][];
        var built = Enumerable.Range(0, count).Select(build).ToArray();
        for (var i = 0; i < options.Items; i++) bodies[i] = i < count ? built[i] : build(i);
        return bodies;
    }

    private async Task<bool> SendFastAsync(string operation, byte[] body)
    {
        using var request = Request(operation, body);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return response.IsSuccessStatusCode;
    }

    private async Task<(int Status, string Body)> SendAsync(string operation, byte[] body)
    {
        using var request = Request(operation, body);
        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Request(string operation, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonType;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        return request;
    }
}
