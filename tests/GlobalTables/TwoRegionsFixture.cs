using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DataTier.Tests.Processes;
using Xunit;

namespace DataTier.Tests.GlobalTables;

/// <summary>
/// Two clusters as two regions, each a silo process of its own on loopback: <c>eu-west-1</c>, and <c>us-east-1</c>, whose
/// endpoint checks signatures, so the replication requests sent to it must be signed with the key it knows. Both split
/// partitions past 40 KB, so replication is exercised across splits in either region. PROVISIONED tables keep one second of
/// unused capacity and auto scaling evaluates every second, so a replica's own capacity and its auto scaling show at once.
/// A third region, <c>ap-southeast-2</c>, is known to both but started only by the tests that need it (<see cref="StartSouthAsync"/>).
/// </summary>
public sealed class TwoRegionsFixture : IAsyncLifetime
{
    public const string West = "eu-west-1";
    public const string East = "us-east-1";
    public const string South = "ap-southeast-2";
    private const string KeyId = "AKIDREPLICATION";
    private const string Secret = "replication/secret+key";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "datatier-regions-" + Guid.NewGuid().ToString("N"));
    private readonly List<AmazonDynamoDBClient> _clients = [];
    private readonly SemaphoreSlim _southStart = new(1, 1);

    public SiloProcess WestSilo { get; private set; } = null!;
    public SiloProcess EastSilo { get; private set; } = null!;
    public SiloProcess SouthSilo { get; private set; } = null!;

    public AmazonDynamoDBClient WestClient { get; private set; } = null!;
    public AmazonDynamoDBClient EastClient { get; private set; } = null!;

    /// <summary>East's client that does not retry, so a throttled request fails at once.</summary>
    public AmazonDynamoDBClient EastClientWithoutRetries { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string[] splits = ["--Partitions:SplitSizeBytes=40000", "--Logging:LogLevel:DataTier.Catalog.TableCatalogGrain=Information", "--Partitions:SplitCheckInterval=00:00:00.500", "--GlobalTables:ShipInterval=00:00:00.050",
            "--Throughput:BurstSeconds=1", "--AutoScaling:EvaluationInterval=00:00:01"];
        WestSilo = new SiloProcess(Path.Combine(_data, West), ["--GlobalTables:Region=" + West, .. splits]);
        EastSilo = new SiloProcess(Path.Combine(_data, East), ["--GlobalTables:Region=" + East, .. splits, $"--Endpoints:DynamoDb:AccessKeys:{KeyId}={Secret}"]);
        SouthSilo = new SiloProcess(Path.Combine(_data, South), ["--GlobalTables:Region=" + South, .. splits]);
        // Each learns the others' endpoints once all have their ports.
        var all = new[] { (WestSilo, West), (EastSilo, East), (SouthSilo, South) };
        foreach (var (silo, name) in all)
        {
            Directory.CreateDirectory(silo.DataDirectory);
            foreach (var (peer, peerName) in all.Where(p => p.Item2 != name))
                silo.ExtraEnvironment[$"GlobalTables__Regions__{peerName}"] = peer.EndpointUrl;
            silo.ExtraEnvironment["GlobalTables__AccessKeyId"] = KeyId;
            silo.ExtraEnvironment["GlobalTables__SecretAccessKey"] = Secret;
        }
        await Task.WhenAll(WestSilo.StartAsync(), EastSilo.StartAsync());
        WestClient = Client(WestSilo, West);
        EastClient = Client(EastSilo, East);
        EastClientWithoutRetries = Client(EastSilo, East, retries: 0);
    }

    /// <summary>Starts the third region, once; its client.</summary>
    public async Task<AmazonDynamoDBClient> StartSouthAsync()
    {
        await _southStart.WaitAsync();
        try
        {
            if (!SouthSilo.IsRunning) await SouthSilo.StartAsync();
            return SouthClient ??= Client(SouthSilo, South);
        }
        finally
        {
            _southStart.Release();
        }
    }

    private AmazonDynamoDBClient? SouthClient { get; set; }

    private AmazonDynamoDBClient Client(SiloProcess silo, string region, int retries = 2)
    {
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials(KeyId, Secret), new AmazonDynamoDBConfig
        {
            ServiceURL = silo.EndpointUrl,
            AuthenticationRegion = region,
            MaxErrorRetry = retries,
        });
        _clients.Add(client);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        foreach (var silo in new[] { WestSilo, EastSilo, SouthSilo })
        {
            if (silo.IsRunning) await silo.StopAsync();
            silo.Dispose();
        }
        _southStart.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}
