using DataTier.Membership;
using DataTier.Storage;
using DataTier.Store;
using DataTier.Store.DynamoDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace DataTier.Hosting;

/// <summary>Registration of the DynamoDB store, membership and grain storage.</summary>
public static class DynamoDbHostingExtensions
{
    /// <summary>The shared DynamoDB store (section <c>Store:DynamoDb</c>): silos keep no data of their own.</summary>
    public static IServiceCollection AddDynamoDbTableStore(this IServiceCollection services, Action<DynamoDbStoreOptions> configure)
    {
        services.AddOptions<DynamoDbStoreOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DynamoDbStoreOptions>>(new DynamoDbOptionsValidator<DynamoDbStoreOptions>("Store:DynamoDb"));
        services.AddSingleton(sp => new DynamoDbTableStore(
            sp.GetRequiredService<IOptions<DynamoDbStoreOptions>>().Value,
            sp.GetService<ILogger<DynamoDbTableStore>>(),
            sp.GetService<TimeProvider>()));
        services.AddSingleton<ITableStore>(sp => sp.GetRequiredService<DynamoDbTableStore>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, TableStoreInitializer>();
        return services;
    }

    /// <summary>Orleans membership in a DynamoDB table (section <c>Clustering:DynamoDb</c>); silos also serve it to clients as their gateway list.</summary>
    public static ISiloBuilder UseDynamoDbClustering(this ISiloBuilder builder, Action<DynamoDbClusteringOptions> configure)
    {
        AddClusteringOptions(builder.Services, configure);
        builder.Services.AddSingleton<IMembershipTable, DynamoDbMembershipTable>();
        builder.Services.TryAddSingleton<IGatewayListProvider, DynamoDbGatewayListProvider>();
        return builder;
    }

    /// <summary>Clients find the gateways in the DynamoDB membership table.</summary>
    public static IClientBuilder UseDynamoDbClustering(this IClientBuilder builder, Action<DynamoDbClusteringOptions> configure)
    {
        AddClusteringOptions(builder.Services, configure);
        builder.Services.AddSingleton<IGatewayListProvider, DynamoDbGatewayListProvider>();
        return builder;
    }

    /// <summary>A grain storage provider named <paramref name="name"/> on DynamoDB, with etag-conditional writes.</summary>
    public static ISiloBuilder AddDynamoDbGrainStorage(this ISiloBuilder builder, string name, Action<DynamoDbGrainStorageOptions> configure)
    {
        var services = builder.Services;
        services.AddOptions<DynamoDbGrainStorageOptions>(name).Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DynamoDbGrainStorageOptions>>(new DynamoDbOptionsValidator<DynamoDbGrainStorageOptions>($"GrainStorage:{name}", name));
        services.AddTransient<IPostConfigureOptions<DynamoDbGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<DynamoDbGrainStorageOptions>>();
        services.AddGrainStorage(name, (sp, n) => new DynamoDbGrainStorage(
            n,
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            sp.GetRequiredService<IOptionsMonitor<DynamoDbGrainStorageOptions>>().Get(n),
            sp.GetRequiredService<ILogger<DynamoDbGrainStorage>>()));
        return builder;
    }

    private static void AddClusteringOptions(IServiceCollection services, Action<DynamoDbClusteringOptions> configure)
    {
        services.AddOptions<DynamoDbClusteringOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DynamoDbClusteringOptions>>(new DynamoDbOptionsValidator<DynamoDbClusteringOptions>("Clustering:DynamoDb"));
    }
}
