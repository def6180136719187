using DataTier.Cache;
using DataTier.Client.Cache;
using DataTier.Client.Cache.Sessions;
using DataTier.Client.Cache.Strategies;
using DataTier.Partitions;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataTier.Client.Hosting;

public static class CacheClientExtensions
{
    /// <summary>Registers <see cref="ICacheClient"/> over the host's grain factory (a silo, where local shards are used directly, or an Orleans client).</summary>
    public static IServiceCollection AddCacheClient(this IServiceCollection services)
    {
        services.TryAddSingleton<ICacheClient>(sp => new CacheClient(sp.GetService<CacheRouter>() ?? new CacheRouter(sp.GetRequiredService<IGrainFactory>())));
        return services;
    }

    /// <summary>Lazy loading: <see cref="CacheAside.GetOrLoadAsync{T}"/> with stampede protection.</summary>
    public static IServiceCollection AddCacheAside(this IServiceCollection services)
    {
        services.AddCacheClient();
        services.TryAddSingleton(sp => new CacheAside(sp.GetRequiredService<ICacheClient>()));
        return services;
    }

    /// <summary>Replaces the registered <see cref="ITableClient"/> by one that caches items and writes through to the cache.</summary>
    public static IServiceCollection AddWriteThroughTableCache(this IServiceCollection services, Action<WriteThroughOptions>? configure = null)
    {
        services.AddCacheClient();
        services.AddTableClient();
        var options = new WriteThroughOptions();
        configure?.Invoke(options);
        var tableClient = services.Last(s => s.ServiceType == typeof(ITableClient));
        services.Remove(tableClient);
        services.AddSingleton<ITableClient>(sp => new WriteThroughTableClient(
            new TableClient(sp.GetRequiredService<IGrainFactory>(), sp.GetService<LocalPartitions>()), sp.GetRequiredService<ICacheClient>(), sp.GetRequiredService<IGrainFactory>(), options));
        return services;
    }

    /// <summary>Registers the cluster's cache as the <see cref="IDistributedCache"/> (ASP.NET Core session state).</summary>
    public static IServiceCollection AddDataTierDistributedCache(this IServiceCollection services, string keyPrefix = "session:")
    {
        services.AddCacheClient();
        services.AddSingleton<IDistributedCache>(sp => new DataTierDistributedCache(sp.GetRequiredService<ICacheClient>(), sp.GetService<TimeProvider>(), keyPrefix));
        return services;
    }
}
