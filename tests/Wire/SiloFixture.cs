using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DataTier.Tests.Processes;
using Xunit;

namespace DataTier.Tests.Wire;

/// <summary>One silo process, on a fresh temporary directory, shared by every test of the "wire" collection.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private readonly List<AmazonDynamoDBClient> _clients = [];

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "datatier-wire-" + Guid.NewGuid().ToString("N"));

    public SiloProcess Silo { get; private set; } = null!;

    public string EndpointUrl => Silo.EndpointUrl;

    /// <summary>A client shared by the tests; use <see cref="CreateClient"/> for one with other settings.</summary>
    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        Silo = new SiloProcess(DataDirectory);
        await Silo.StartAsync();
        Client = CreateClient();
    }

    public AmazonDynamoDBClient CreateClient(Action<AmazonDynamoDBConfig>? configure = null)
    {
        var client = CreateClient(EndpointUrl, configure);
        lock (_clients) _clients.Add(client);
        return client;
    }

    /// <summary>An SDK client for a silo's endpoint: dummy credentials, no RegionEndpoint.</summary>
    public static AmazonDynamoDBClient CreateClient(string serviceUrl, Action<AmazonDynamoDBConfig>? configure = null)
    {
        var config = new AmazonDynamoDBConfig
        {
            ServiceURL = serviceUrl,
            AuthenticationRegion = "us-east-1",
            Timeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(config);
        return new AmazonDynamoDBClient(new BasicAWSCredentials("x", "y"), config);
    }

    public async Task DisposeAsync()
    {
        lock (_clients)
        {
            foreach (var c in _clients) c.Dispose();
            _clients.Clear();
        }
        if (Silo is not null)
        {
            try
            {
                if (Silo.IsRunning) await Silo.StopAsync();
            }
            finally
            {
                Silo.Dispose();
            }
        }
        DeleteDirectory(DataDirectory);
    }

    internal static void DeleteDirectory(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(200);
            }
        }
    }
}

[CollectionDefinition("wire")]
public sealed class WireCollection : ICollectionFixture<SiloFixture>;
