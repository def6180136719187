using DataTier.Bench.Common;
using DataTier.Bench.Sdk;
using DataTier.Client;
using DataTier.Client.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The grain client SDK's GetItem and UpdateItem (YCSB A, B, C) and, as their yardstick, a call to a
// grain that does nothing, all through one Orleans client connected to the silo's gateway.
SdkOptions options;
try
{
    options = SdkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(SdkOptions.Usage);
    return 2;
}

var builder = Host.CreateApplicationBuilder([]);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddDataTierClient(o => o.Gateways = [options.Gateway]);
using var host = builder.Build();
await host.StartAsync();

var runner = new SdkRunner(options, host.Services.GetRequiredService<ITableClient>(), host.Services.GetRequiredService<IGrainFactory>());
if (options.Load) await runner.LoadAsync();
// An unrecorded pass over every workload first: JIT tiering and activations in client and silo.
foreach (var workload in options.Workloads) await runner.RunAsync(workload, 0, Math.Max(options.Warmup, 0.1));
var failed = false;
foreach (var workload in options.Workloads)
{
    var measurement = await runner.RunAsync(workload, options.Warmup, options.Duration);
    var report = new RunReport(options.Label, "orleans://" + options.Gateway, workload, options.Distribution, options.Concurrency,
        options.Duration, options.Items, options.ItemSize, measurement);
    await report.WriteAsync(options.Json);
    failed |= measurement.Ops == 0;
}
await host.StopAsync();
return failed ? 1 : 0;
