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
}
var result = await runner.RunAsync();
Console.WriteLine(result);
if (runner.FirstError is { } error) Console.Error.WriteLine($"first error: {(error.Length > 500 ? error[..500] : error)}");
if (options.Json is not null) await File.AppendAllTextAsync(options.Json, result.ToJson() + Environment.NewLine);
return result.Ops == 0 ? 1 : 0;
