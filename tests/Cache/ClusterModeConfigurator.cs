using DataTier.Cache;
using DataTier.Hosting;
using DataTier.Silo.Resp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace DataTier.Tests.Cache;

/// <summary>In-process silos hosting the cache, each with a RESP endpoint in cluster mode on a port of its own, and a replica of every shard.</summary>
public sealed class ClusterModeConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddDataTierCache();
        siloBuilder.Services.Configure<CacheOptions>(o => o.Replicas = 1);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Port"] = "0", ["ClusterMode"] = "true" }).Build();
        siloBuilder.Services.AddRespEndpoint(config);
    }

    public static IServiceProvider Services(SiloHandle silo) => ((InProcessSiloHandle)silo).ServiceProvider;

    public static int RespPort(SiloHandle silo) => Services(silo).GetRequiredService<RespListener>().BoundPort;
}
