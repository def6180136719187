namespace DataTier.Silo.Memcached;

public static class MemcachedEndpointExtensions
{
    /// <summary>The memcached endpoint for the cache, configured from a section (<c>Endpoints:Memcached</c>). The silo must host the cache (AddDataTierCache).</summary>
    public static IServiceCollection AddMemcachedEndpoint(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<MemcachedEndpointOptions>().Bind(section).Validate(o => { o.Validate(); return true; });
        if (!(section.GetValue<bool?>("Enabled") ?? true)) return services;
        services.AddSingleton<MemcachedStats>();
        services.AddSingleton<MemcachedListener>();
        services.AddHostedService(sp => sp.GetRequiredService<MemcachedListener>());
        return services;
    }

    /// <summary>Where the memcached endpoint listens, for the start-up line ("off" when disabled).</summary>
    public static string Describe(IServiceProvider services) =>
        services.GetService<MemcachedListener>() is { } listener
            ? $"{services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MemcachedEndpointOptions>>().Value.Address}:{listener.BoundPort}"
            : "off";
}
