using DataTier.Cache;
using DataTier.Client.Cache;
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
}
