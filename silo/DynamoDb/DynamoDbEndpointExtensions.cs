namespace DataTier.Silo.DynamoDb;

public static class DynamoDbEndpointExtensions
{
    public static IServiceCollection AddDynamoDbEndpoint(this IServiceCollection services)
    {
        services.AddSingleton<TableOperations>();
        services.AddSingleton<ItemOperations>();
        services.AddSingleton<ReadOperations>();
        services.AddSingleton<BatchOperations>();
        services.AddSingleton<AdminOperations>();
        services.AddSingleton<DynamoDbEndpoint>();
        return services;
    }

    public static IEndpointRouteBuilder MapDynamoDbEndpoint(this IEndpointRouteBuilder app)
    {
        var endpoint = app.ServiceProvider.GetRequiredService<DynamoDbEndpoint>();
        app.MapPost("/", endpoint.HandleAsync);
        return app;
    }
}
