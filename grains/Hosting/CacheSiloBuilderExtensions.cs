using DataTier.Cache;
using DataTier.Cache.Memory;
using DataTier.Cache.PubSub;
using DataTier.Cache.Rebalancing;
using DataTier.Cache.Replication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataTier.Hosting;

public static class CacheSiloBuilderExtensions
{
    /// <summary>Hosts cache shard grains on this silo, with their memory budget, eviction, active expiry, rebalancing and pub/sub.</summary>
    public static ISiloBuilder AddDataTierCache(this ISiloBuilder builder, Action<CacheOptions>? configure = null)
    {
        var services = builder.Services;
        var options = services.AddOptions<CacheOptions>();
        if (configure is not null) options.Configure(configure);
        options.Validate(o => { o.Validate(); return true; });
        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(s => s.IsKeyedService && Equals(s.ServiceKey, typeof(Placement.ConsistentHashPlacement))))
            services.AddPlacementDirector<Placement.ConsistentHashPlacement, Placement.ConsistentHashPlacementDirector>();
        if (!services.Any(s => s.IsKeyedService && Equals(s.ServiceKey, typeof(Placement.RingSuccessorPlacement))))
            services.AddPlacementDirector<Placement.RingSuccessorPlacement, Placement.ConsistentHashPlacementDirector>();
        if (!services.Any(s => s.IsKeyedService && Equals(s.ServiceKey, typeof(SiloLocalPlacement))))
            services.AddPlacementDirector<SiloLocalPlacement, SiloLocalPlacementDirector>();
        services.AddOptions<Placement.RebalancingOptions>();
        if (services.Any(s => s.ServiceType == typeof(LocalCacheShards))) return builder;
        builder.AddDataTierGrainDirectory();
        services.AddSingleton<CacheMemoryBudget>();
        services.AddSingleton<LocalCacheShards>();
        Placement.Moves.MoveTrackingExtensions.AddMoveTracking(services);
        services.AddSingleton<ParkedShards>();
        services.AddMetrics();
        services.AddSingleton<LocalCacheReplicas>();
        services.AddSingleton<LocalShardReplicators>();
        services.AddSingleton<CacheReplicationMetrics>();
        services.AddSingleton<ReplicaReads>();
        services.AddSingleton<DataTier.Cache.Topology.CacheTopology>();
        services.AddSingleton<DatasetHold>();
        services.AddSingleton<CacheEvictor>();
        services.AddSingleton<ShardRunner>();
        services.AddSingleton<DataTier.Cache.Diagnostics.SlowLog>();
        services.AddSingleton<DataTier.Cache.Diagnostics.CommandStats>();
        services.AddSingleton<DataTier.Cache.Diagnostics.LatencyMonitor>();
        services.AddSingleton<DataTier.Cache.Diagnostics.CommandTimings>();
        services.AddSingleton<DataTier.Cache.Blocking.KeyWakeups>();
        services.AddSingleton<DataTier.Cache.Scripting.ScriptCache>();
        services.AddSingleton<DataTier.Cache.Scripting.Functions.LocalFunctions>();
        services.AddHostedService<DataTier.Cache.Scripting.ScriptLogSetup>();
        services.AddSingleton(sp => new CacheRouter(sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<LocalCacheShards>(), sp.GetRequiredService<ShardRunner>()));
        services.AddSingleton<PubSubHub>();
        services.AddSingleton<DataTier.Cache.Notifications.KeyspaceNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<DataTier.Cache.Notifications.KeyspaceNotifier>());
        services.AddSingleton<DataTier.Cache.Tracking.KeyInvalidations>();
        services.AddHostedService(sp => sp.GetRequiredService<DataTier.Cache.Tracking.KeyInvalidations>());
        services.AddSingleton<Cache.Snapshots.CacheSnapshots>();
        services.AddHostedService(sp => sp.GetRequiredService<Cache.Snapshots.CacheSnapshots>());
        services.AddSingleton<ActiveExpirySweep>();
        services.AddHostedService(sp => sp.GetRequiredService<ActiveExpirySweep>());
        services.AddHostedService<CacheShardRebalancer>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, CacheShardHandOff>();
        return builder;
    }

    /// <summary>Binds <see cref="CacheOptions"/> to a configuration section (default <c>Cache</c>).</summary>
    public static ISiloBuilder AddDataTierCache(this ISiloBuilder builder, IConfiguration section)
    {
        builder.Services.AddOptions<CacheOptions>().Bind(section);
        return builder.AddDataTierCache();
    }
}
