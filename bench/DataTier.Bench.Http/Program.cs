using DataTier.Bench.Common;
using DataTier.Bench.Http;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var client = new DynamoHttpClient(options.Url, options.Concurrency);
var runner = new LoadRunner(options, client);
if (options.CreateTable)
{
    try
    {
        await runner.CreateTableAsync();
    }
    catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
    {
        Console.Error.WriteLine($"preparing {options.Url} failed: {e.Message}");
        return 1;
    }
    if (options.LoadOnly)
    {
        Console.WriteLine($"label={options.Label} loaded the tables of {options.Mix} on {options.Url}");
        return 0;
    }
}
var probe = options.LagProbe
    ? (options.ReplicaUrl is { } replicaUrl ? LagProbe.ForReplica(client, new DynamoHttpClient(replicaUrl, 1), options.Table) : LagProbe.ForIndex(client, options.Table)).RunAsync(TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Duration), TimeSpan.FromMilliseconds(100))
    : null;
var (measurement, wakeups) = await runner.RunAsync();
if (probe is not null)
{
    var lag = await probe;
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"lag label={options.Label} mix={options.Mix} copy={(options.ReplicaRegion is { } r ? "replica:" + r : "index:" + DynamoRequests.LagIndex)} samples={lag.Samples} mean={lag.MeanMillis:0.0}ms p50={lag.P50Millis:0.0}ms p99={lag.P99Millis:0.0}ms max={lag.MaxMillis:0.0}ms misses={lag.Misses}"));
}
var report = new RunReport(options.Label, options.Url, options.Mix, options.Distribution, options.Concurrency,
    options.Duration, options.Items, options.ItemSize, measurement, options.Rate, wakeups);
await report.WriteAsync(options.Json);
return measurement.Ops == 0 ? 1 : 0;
