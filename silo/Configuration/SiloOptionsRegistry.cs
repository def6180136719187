using DataTier.Cache;
using DataTier.Configuration;
using DataTier.Membership;
using DataTier.Placement;
using DataTier.Silo.Memcached;
using DataTier.Silo.Resp;
using DataTier.Store;
using DataTier.Store.DynamoDb;

namespace DataTier.Silo.Configuration;

/// <summary>
/// Every options class the silo binds from configuration, with its section: the one list that binding
/// (<see cref="BindSiloOptions"/>), start-up validation (<see cref="SettingsValidation"/>) and the README's
/// configuration table (checked by a test) all follow. A new options class goes here.
/// </summary>
public static class SiloOptionsRegistry
{
    public static IReadOnlyList<BoundOptions> All { get; } =
    [
        BoundOptions.Of<DynamoDbEndpointOptions>("Endpoints:DynamoDb"),
        BoundOptions.Of<AdminEndpointOptions>("Endpoints:Admin"),
        BoundOptions.Of<RespEndpointOptions>("Endpoints:Resp"),
        BoundOptions.Of<MemcachedEndpointOptions>("Endpoints:Memcached"),
        BoundOptions.Of<ClusterHostOptions>("Orleans"),
        BoundOptions.Of<ClusteringHostOptions>("Clustering"),
        BoundOptions.Of<DynamoDbClusteringOptions>("Clustering:DynamoDb", IsClustering(ClusteringKind.DynamoDb), defaultsFrom: "Store:DynamoDb", boundElsewhere: true),
        BoundOptions.Of<DataTier.Client.Hosting.RedisMembershipOptions>("Clustering:Redis", IsClustering(ClusteringKind.Redis), boundElsewhere: true),
        BoundOptions.Of<StoreHostOptions>("Store"),
        BoundOptions.Of<RocksDbStoreOptions>("Store:RocksDb", IsStore(StoreKind.RocksDb), boundElsewhere: true),
        BoundOptions.Of<DynamoDbStoreOptions>("Store:DynamoDb", IsStore(StoreKind.DynamoDb), boundElsewhere: true),
        BoundOptions.Of<PartitionOptions>("Partitions"),
        BoundOptions.Of<RebalancingOptions>("Rebalancing"),
        BoundOptions.Of<TransactionOptions>("Transactions"),
        BoundOptions.Of<StreamOptions>("Streams"),
        BoundOptions.Of<TimeToLiveOptions>("TimeToLive"),
        BoundOptions.Of<IndexOptions>("Indexes"),
        BoundOptions.Of<ThroughputOptions>("Throughput"),
        BoundOptions.Of<AutoScalingOptions>("AutoScaling"),
        BoundOptions.Of<RecoveryOptions>("PointInTimeRecovery"),
        BoundOptions.Of<GlobalTablesOptions>("GlobalTables"),
        BoundOptions.Of<CacheOptions>("Cache"),
        BoundOptions.Of<DataTier.Silo.Networking.NetworkingOptions>("Networking"),
    ];

    /// <summary>
    /// Binds each options class to its section (those whose <c>AddXxx</c> binds them are left to it). Some
    /// <c>AddXxx</c> bind their section too; binding twice is harmless for scalars and dictionaries, but a
    /// list would get its items twice: mark a class with a list property <c>boundElsewhere</c>.
    /// </summary>
    public static IServiceCollection BindSiloOptions(this IServiceCollection services, IConfiguration config)
    {
        foreach (var options in All.Where(o => !o.BoundElsewhere)) options.Bind(services, config);
        return services;
    }

    private static Func<IConfiguration, bool> IsStore(StoreKind kind) =>
        config => Enum.TryParse<StoreKind>(config["Store:Kind"] ?? nameof(StoreKind.RocksDb), ignoreCase: true, out var k) && k == kind;

    private static Func<IConfiguration, bool> IsClustering(ClusteringKind kind) =>
        config => Enum.TryParse<ClusteringKind>(config["Clustering:Kind"] ?? nameof(ClusteringKind.Localhost), ignoreCase: true, out var k) && k == kind;
}
