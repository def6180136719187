using DataTier.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataTier.Client.Triggers;

/// <summary>Starts a trigger when the host starts and stops it (releasing its shards) when the host stops.</summary>
internal sealed class TableTriggerService(
    IServiceProvider services, string table, string name, Func<IServiceProvider, StreamRecord, CancellationToken, Task> handler, TableTriggerOptions options)
    : IHostedService
{
    private TableTrigger? _trigger;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<TableTrigger>();
        _trigger = await TableTrigger.StartAsync(services.GetRequiredService<IGrainFactory>(), table, name,
            (record, token) => handler(services, record, token), options, services, logger);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_trigger is not null) await _trigger.DisposeAsync();
    }
}
