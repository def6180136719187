using DataTier.Configuration;
using DataTier.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataTier.Hosting;

public static class TableSiloBuilderExtensions
{
    /// <summary>Hosts the table catalog and partition grains on this silo. A store must be registered too.</summary>
    public static ISiloBuilder AddDataTierTables(this ISiloBuilder builder, Action<PartitionOptions>? configure = null)
    {
        var options = builder.Services.AddOptions<PartitionOptions>();
        if (configure is not null) options.Configure(configure);
        options.Validate(o => { o.Validate(); return true; });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddDataTierGrainDirectory();
        builder.Services.AddPlacementDirector<Placement.ConsistentHashPlacement, Placement.ConsistentHashPlacementDirector>();
        builder.Services.AddPlacementDirector<Placement.ReplicaPlacement, Placement.ConsistentHashPlacementDirector>();
        builder.Services.TryAddSingleton<Partitions.LocalPartitions>();
        builder.Services.TryAddSingleton<Throughput.LocalThroughput>();
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<Replicas.ReplicaMetrics>();
        Placement.Moves.MoveTrackingExtensions.AddMoveTracking(builder.Services);
        builder.Services.AddOptions<Placement.RebalancingOptions>();
        builder.Services.AddOptions<TransactionOptions>().Validate(o => { o.Validate(); return true; });
        builder.Services.AddOptions<StreamOptions>().Validate(o => { o.Validate(); return true; });
        builder.Services.AddOptions<TimeToLiveOptions>().Validate(o => { o.Validate(); return true; });
        builder.Services.AddOptions<IndexOptions>().Validate(o => { o.Validate(); return true; });
        builder.Services.AddOptions<ThroughputOptions>().Validate(o => { o.Validate(); return true; });
        builder.Services.AddOptions<AutoScalingOptions>().Validate(o => { o.Validate(); return true; });
        builder.Services.AddOptions<RecoveryOptions>().Validate(o => { o.Validate(); return true; });
        builder.Services.AddOptions<GlobalTablesOptions>().Validate(o => { o.Validate(); return true; });
        builder.Services.TryAddSingleton<GlobalTables.IReplicaTransport, GlobalTables.UnconfiguredReplicaTransport>();
        builder.Services.TryAddSingleton<Indexes.IndexLagMetrics>();
        if (!builder.Services.Any(s => s.ServiceKey as string == Streams.ChangeStreams.ProviderName))
        {
            builder.AddMemoryStreams(Streams.ChangeStreams.ProviderName);
            if (!builder.Services.Any(s => s.ServiceKey as string == "PubSubStore")) builder.AddMemoryGrainStorage("PubSubStore");
        }
        if (!builder.Services.Any(s => s.ImplementationType == typeof(Placement.PartitionRebalancer)))
        {
            builder.Services.AddHostedService<Transactions.TransactionLedgerJanitor>();
            builder.Services.AddHostedService<Streams.StreamTrimmer>();
            builder.Services.AddHostedService<Placement.PartitionRebalancer>();
            builder.Services.AddHostedService<Throughput.ThroughputMembershipWatcher>();
            builder.Services.AddHostedService<AutoScaling.ConsumptionReporter>();
            builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, Placement.PartitionHandOff>();
            builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, CatalogActivator>();
        }
        return builder;
    }

    /// <summary>Binds <see cref="PartitionOptions"/> to a configuration section (default <c>Partitions</c>).</summary>
    public static ISiloBuilder AddDataTierTables(this ISiloBuilder builder, IConfiguration section)
    {
        builder.Services.AddOptions<PartitionOptions>().Bind(section);
        return builder.AddDataTierTables();
    }

    /// <summary>The embedded RocksDB store (the default for one silo).</summary>
    public static IServiceCollection AddRocksDbTableStore(this IServiceCollection services, Action<RocksDbStoreOptions> configure)
    {
        services.AddOptions<RocksDbStoreOptions>().Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Store:RocksDb:Path must be set");
        services.AddSingleton<RocksDbTableStore>(sp => new RocksDbTableStore(sp.GetRequiredService<IOptions<RocksDbStoreOptions>>().Value));
        services.AddSingleton<ITableStore>(sp => sp.GetRequiredService<RocksDbTableStore>());
        return services;
    }

    /// <summary>A store in memory, for tests: nothing survives the process.</summary>
    public static IServiceCollection AddInMemoryTableStore(this IServiceCollection services, InMemoryTableStore? shared = null)
    {
        services.AddSingleton<ITableStore>(shared ?? new InMemoryTableStore());
        return services;
    }

    /// <summary>Uses a store instance that several in-process silos share (test clusters).</summary>
    public static IServiceCollection AddSharedTableStore(this IServiceCollection services, ITableStore store)
    {
        services.AddSingleton(store);
        return services;
    }
}
