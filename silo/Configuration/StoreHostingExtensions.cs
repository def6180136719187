using System.Net;
using DataTier.Hosting;
using DataTier.Membership;
using DataTier.Store.DynamoDb;
using Orleans.Configuration;

namespace DataTier.Silo.Configuration;

/// <summary>Selects the durable store and the membership provider from configuration (<c>Store:Kind</c>, <c>Clustering:Kind</c>).</summary>
public static class StoreHostingExtensions
{
    public static IServiceCollection AddConfiguredTableStore(this IServiceCollection services, IConfiguration config, StoreHostOptions store)
    {
        switch (store.Kind)
        {
            case StoreKind.InMemory:
                services.AddInMemoryTableStore();
                break;
            case StoreKind.DynamoDb:
                services.AddDynamoDbTableStore(o => config.GetSection("Store:DynamoDb").Bind(o));
                break;
            default:
                services.AddRocksDbTableStore(o => config.GetSection("Store:RocksDb").Bind(o));
                break;
        }
        return services;
    }

    public static ISiloBuilder UseConfiguredClustering(this ISiloBuilder silo, IConfiguration config, ClusterHostOptions cluster)
    {
        var clustering = config.GetSection("Clustering").Get<ClusteringHostOptions>() ?? new ClusteringHostOptions();
        switch (clustering.Kind)
        {
            case ClusteringKind.DynamoDb:
                UseSharedMembership(silo, config, cluster, clustering);
                silo.UseDynamoDbClustering(o => BindClustering(config, o));
                break;
            case ClusteringKind.Redis:
                UseSharedMembership(silo, config, cluster, clustering);
                var redis = (config.GetSection("Clustering:Redis").Get<DataTier.Client.Hosting.RedisMembershipOptions>() ?? new())
                    .Parse("Clustering:Redis:ConnectionString");
                silo.UseRedisClustering(o => o.ConfigurationOptions = redis);
                break;
            default:
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                break;
        }
        return silo;
    }

    /// <summary>What every membership table needs: the cluster's identity, this silo's advertised endpoints and failure detection settings.</summary>
    private static void UseSharedMembership(ISiloBuilder silo, IConfiguration config, ClusterHostOptions cluster, ClusteringHostOptions clustering)
    {
        if (!IPAddress.TryParse(clustering.AdvertisedAddress, out var address))
            throw new InvalidOperationException($"Clustering:AdvertisedAddress must be an IP address (was '{clustering.AdvertisedAddress}')");
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort);
        // Failure detection (ProbeTimeout, NumMissedProbesLimit, ...), when set.
        silo.Services.Configure<ClusterMembershipOptions>(config.GetSection("Clustering:Membership"));
        // The grain directory's lease on a crashed silo's grains (RangeLeaseDuration), when set.
        silo.Services.Configure<GrainDirectoryOptions>(config.GetSection("Clustering:Directory"));
    }

    /// <summary>A line for the start-up message naming the store.</summary>
    public static string DescribeStore(IConfiguration config, StoreHostOptions store) => store.Kind switch
    {
        StoreKind.RocksDb => $"RocksDB at {Path.GetFullPath(config["Store:RocksDb:Path"] ?? "./data")}",
        StoreKind.DynamoDb => Describe(config.GetSection("Store:DynamoDb").Get<DynamoDbStoreOptions>() ?? new DynamoDbStoreOptions()),
        _ => "in memory (nothing is kept)",
    };

    /// <summary>The membership connection: <c>Store:DynamoDb</c>'s settings, overridden by <c>Clustering:DynamoDb</c>.</summary>
    private static void BindClustering(IConfiguration config, DynamoDbClusteringOptions options)
    {
        config.GetSection("Store:DynamoDb").Bind(options);
        config.GetSection("Clustering:DynamoDb").Bind(options);
    }

    private static string Describe(DynamoDbStoreOptions o) => $"DynamoDB table {o.TableName} at {o.ServiceUrl ?? "region " + (o.Region ?? "(default)")}";
}
