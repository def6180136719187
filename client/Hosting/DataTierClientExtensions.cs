using DataTier.Partitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace DataTier.Client.Hosting;

public static class DataTierClientExtensions
{
    /// <summary>
    /// Connects this service to the cluster as an Orleans client and registers <see cref="ITableClient"/>.
    /// Settings come from the <c>DataTier</c> configuration section, then <paramref name="configure"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDataTierClient(this IHostApplicationBuilder builder, Action<DataTierClientOptions>? configure = null)
    {
        var options = new DataTierClientOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(builder.Configuration.GetSection("DataTier"), options);
        configure?.Invoke(options);
        builder.UseOrleansClient(client =>
        {
            if (options.DynamoDbClustering is { } dynamo)
                DataTier.Hosting.DynamoDbHostingExtensions.UseDynamoDbClustering(client, o => CopyConnection(dynamo, o));
            else if (options.RedisClustering is { } redis)
            {
                var connection = redis.Parse("DataTier:RedisClustering:ConnectionString");
                client.UseRedisClustering(o => o.ConfigurationOptions = connection);
            }
            else
                client.UseStaticClustering(options.GatewayEndPoints().ToArray());
            // Table triggers wake up on the partitions' change notifications.
            client.AddMemoryStreams(Streams.ChangeStreams.ProviderName);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
        });
        builder.Services.AddTableClient();
        return builder;
    }

    private static void CopyConnection(DataTier.Membership.DynamoDbClusteringOptions from, DataTier.Membership.DynamoDbClusteringOptions to)
    {
        to.ServiceUrl = from.ServiceUrl;
        to.Region = from.Region;
        to.AccessKey = from.AccessKey;
        to.SecretKey = from.SecretKey;
        to.TablePrefix = from.TablePrefix;
        to.CreateTables = from.CreateTables;
        to.RequestTimeout = from.RequestTimeout;
    }

    /// <summary>Registers <see cref="ITableClient"/> over whatever <see cref="IGrainFactory"/> the host has (a silo or a client).</summary>
    public static IServiceCollection AddTableClient(this IServiceCollection services)
    {
        services.TryAddSingleton<ITableClient>(sp => new TableClient(sp.GetRequiredService<IGrainFactory>(), sp.GetService<LocalPartitions>()));
        return services;
    }
}
