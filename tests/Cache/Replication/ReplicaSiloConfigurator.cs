using DataTier.Hosting;
using DataTier.Placement;
using DataTier.Silo.Resp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace DataTier.Tests.Cache.Replication;

/// <summary>
/// The silos of the cache replica tests: <see cref="Replicas"/> replicas per shard, a RESP endpoint on a free port,
/// quick rebalancing, and a killed silo declared dead within about two seconds.
/// </summary>
internal class ReplicaSiloConfigurator : ISiloConfigurator
{
    protected virtual int Replicas => 1;

    public virtual void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddDataTierCache(o => o.Replicas = Replicas);
        siloBuilder.Services.Configure<RebalancingOptions>(o =>
        {
            o.JoinSettleTime = TimeSpan.FromMilliseconds(500);
            o.CheckInterval = TimeSpan.FromMilliseconds(500);
            o.PauseBetweenBatches = TimeSpan.FromMilliseconds(10);
        });
        siloBuilder.Services.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
        });
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Port"] = "0" }).Build();
        siloBuilder.Services.AddRespEndpoint(config);
    }
}
