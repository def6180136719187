namespace DataTier.Silo.Resp;

public static class RespEndpointExtensions
{
    /// <summary>The RESP endpoint for the cache, configured from a section (<c>Endpoints:Resp</c>). The silo must host the cache (AddDataTierCache).</summary>
    public static IServiceCollection AddRespEndpoint(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<RespEndpointOptions>().Bind(section).Validate(o => { o.Validate(); return true; });
        if (!(section.GetValue<bool?>("Enabled") ?? true)) return services;
        services.AddSingleton<RespClients>();
        services.AddSingleton<Tracking.TrackingTable>();
        services.AddSingleton<DataTier.Cache.Tracking.IKeyInvalidationListener>(sp => sp.GetRequiredService<Tracking.TrackingTable>());
        services.AddHostedService<Tracking.TrackingAnnouncer>();
        services.AddSingleton<RespServices>();
        services.AddSingleton<AclLog>();
        services.AddSingleton<RespListener>();
        services.AddSingleton<RespNodeEndpoint>();
        services.AddSingleton<DataTier.Cache.Topology.ICacheNodeEndpoint>(sp => sp.GetRequiredService<RespNodeEndpoint>());
        services.AddSingleton<ClusterNodes>();
        services.AddHostedService(sp => sp.GetRequiredService<RespListener>());
        return services;
    }

    /// <summary>Where the RESP endpoint listens, for the start-up line ("off" when disabled).</summary>
    public static string Describe(IServiceProvider services) =>
        services.GetService<RespListener>() is { } listener
            ? $"{services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RespEndpointOptions>>().Value.Address}:{listener.BoundPort}"
            : "off";
}
