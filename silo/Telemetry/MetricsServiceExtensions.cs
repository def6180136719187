namespace DataTier.Silo.Telemetry;

public static class MetricsServiceExtensions
{
    /// <summary>The silo's observable instruments (partitions, cache, RESP and memcached), created when the host starts.</summary>
    public static IServiceCollection AddDataTierMetrics(this IServiceCollection services)
    {
        services.AddSingleton<PartitionMetrics>();
        services.AddSingleton<CacheMetrics>();
        services.AddSingleton<ProtocolMetrics>();
        services.AddHostedService<ObservableMetricsStartup>();
        return services;
    }
}
