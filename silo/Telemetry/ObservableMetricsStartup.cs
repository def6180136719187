namespace DataTier.Silo.Telemetry;

/// <summary>Creates the observable instruments at start-up: they exist only once their owners are constructed.</summary>
internal sealed class ObservableMetricsStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<PartitionMetrics>();
        services.GetRequiredService<CacheMetrics>();
        services.GetRequiredService<ProtocolMetrics>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
