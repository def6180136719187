using Amazon.DynamoDBv2;
using DataTier.AwsDynamoDb;
using Xunit;

namespace DataTier.Tests.Peers;

/// <summary>One dynalite process shared by the tests of the <see cref="DynaliteCollection"/> (DynamoDB store, membership, grain storage).</summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    public DynaliteProcess Dynalite { get; } = new();

    public string EndpointUrl => Dynalite.EndpointUrl;

    public Task InitializeAsync() => Dynalite.StartAsync();

    public Task DisposeAsync() => Dynalite.DisposeAsync().AsTask();

    /// <summary>Connection settings for dynalite with a table prefix of their own, so tests do not share tables.</summary>
    public T Options<T>(Action<T>? configure = null) where T : DynamoDbConnectionOptions, new()
    {
        var options = new T
        {
            ServiceUrl = EndpointUrl,
            Region = "us-east-1",
            AccessKey = "local",
            SecretKey = "local",
            TablePrefix = "t" + Guid.NewGuid().ToString("N")[..12] + "-",
        };
        configure?.Invoke(options);
        return options;
    }

    public AmazonDynamoDBClient Client() => DynamoDbClients.Create(Options<DynamoDbConnectionOptions>());
}
