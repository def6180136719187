namespace DataTier.Silo.DynamoDb;

public static class DynamoDbEndpointExtensions
{
    public static IServiceCollection AddDynamoDbEndpoint(this IServiceCollection services)
    {
        services.AddSingleton<TableOperations>();
        services.AddSingleton<ItemOperations>();
        services.AddSingleton<ReadOperations>();
        services.AddSingleton<BatchOperations>();
        services.AddSingleton<TransactOperations>();
        services.AddSingleton<Streams.StreamOperations>();
        services.AddSingleton<AutoScaling.AutoScalingOperations>();
        services.AddSingleton<BackupOperations>();
        services.AddSingleton<TableRestorer>();
        services.AddSingleton<Signing.RequestSignature>();
        services.AddSingleton<Access.TableTags>();
        services.AddSingleton<Access.AccessPolicies>();
        services.AddSingleton<RecoveryOperations>();
        services.AddSingleton<AdminOperations>();
        services.AddSingleton<DataTier.Silo.GlobalTables.ReplicaClient>();
        services.AddSingleton<DataTier.GlobalTables.IReplicaTransport>(sp => sp.GetRequiredService<DataTier.Silo.GlobalTables.ReplicaClient>());
        services.AddSingleton<DataTier.Silo.GlobalTables.ReplicaGroup>();
        services.AddSingleton<DataTier.Silo.GlobalTables.ReplicationOperations>();
        services.AddSingleton<DataTier.Silo.GlobalTables.LegacyGlobalTables>();
        services.AddSingleton<DataTier.Silo.GlobalTables.GlobalTableOperations>();
        services.AddSingleton<DataTier.Silo.GlobalTables.ReplicaTableSettings>();
        services.AddSingleton<DataTier.Silo.GlobalTables.GlobalTableSettingsOperations>();
        services.AddSingleton<DataTier.Silo.GlobalTables.ReplicaAutoScalingOperations>();
        services.AddSingleton<PartiQL.PartiQLTables>();
        services.AddSingleton<PartiQL.PartiQLTranslator>();
        services.AddSingleton<PartiQL.PartiQLWrites>();
        services.AddSingleton<PartiQL.SelectPager>();
        services.AddSingleton<PartiQL.PartiQLBatchOperations>();
        services.AddSingleton<PartiQL.PartiQLTransactionOperations>();
        services.AddSingleton<PartiQL.PartiQLOperations>();
        services.AddSingleton<Telemetry.EndpointMetrics>();
        services.AddSingleton<DynamoDbEndpoint>();
        return services;
    }

    public static IEndpointConventionBuilder MapDynamoDbEndpoint(this IEndpointRouteBuilder app)
    {
        // One delegate for the endpoint: a method group in the lambda allocated a new one per request.
        RequestDelegate handle = app.ServiceProvider.GetRequiredService<DynamoDbEndpoint>().HandleAsync;
        return app.MapPost("/", context => RequestSizeLimit.HandleAsync(context, handle));
    }
}
