using DataTier.Bench.Http;

var options = LoadOptions.Parse(args);
var runner = new LoadRunner(options);
await runner.PrepareAsync();
var result = await runner.RunAsync();
Console.WriteLine(result);
if (options.Json is not null) await File.AppendAllTextAsync(options.Json, result.ToJson() + Environment.NewLine);
