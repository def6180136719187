using DataTier.Tests.Peers;

namespace DataTier.Tests.Processes;

/// <summary>
/// Stateless silo processes on one dynalite: the DynamoDB store and the DynamoDB membership table, with a
/// fresh table prefix and cluster id, and fast failure detection. Disposing kills the silos and dynalite.
/// Tests that start one belong to <see cref="ProcessClusterCollection"/>, so two never start at once.
/// </summary>
public sealed class SharedStoreCluster : IAsyncDisposable
{
    /// <summary>Longer than a lone silo's: each one creates or joins its tables and membership on dynalite, and the suite loads every core meanwhile.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private SharedStoreCluster(DynaliteProcess dynalite, SiloProcess[] silos, string prefix, string clusterId)
    {
        Dynalite = dynalite;
        Silos = silos;
        TablePrefix = prefix;
        ClusterId = clusterId;
    }

    /// <summary>Failure detection for tests that kill a silo: declared dead after about 4 s, its grains restarted elsewhere 5 s after the crash.</summary>
    public static readonly string[] FastFailureDetection =
    [
        "--Clustering:Membership:ProbeTimeout=00:00:02",
        "--Clustering:Membership:NumMissedProbesLimit=2",
        "--Clustering:Directory:RangeLeaseDuration=00:00:05",
    ];

    public DynaliteProcess Dynalite { get; }

    public IReadOnlyList<SiloProcess> Silos { get; }

    public string TablePrefix { get; }

    public string ClusterId { get; }

    /// <summary>Starts dynalite, then <paramref name="count"/> silos one after the other; <paramref name="extraArguments"/> go to every silo.</summary>
    public static async Task<SharedStoreCluster> StartAsync(int count, IEnumerable<string>? extraArguments = null)
    {
        var dynalite = new DynaliteProcess();
        await dynalite.StartAsync();
        var prefix = "proc" + Guid.NewGuid().ToString("N")[..8] + "-";
        var clusterId = "c" + Guid.NewGuid().ToString("N")[..8];
        string[] arguments =
        [
            "--Store:Kind=DynamoDb",
            $"--Store:DynamoDb:ServiceUrl={dynalite.EndpointUrl}",
            "--Store:DynamoDb:Region=us-east-1",
            "--Store:DynamoDb:AccessKey=local",
            "--Store:DynamoDb:SecretKey=local",
            $"--Store:DynamoDb:TablePrefix={prefix}",
            "--Clustering:Kind=DynamoDb",
            .. FastFailureDetection,
            $"--Orleans:ClusterId={clusterId}",
            .. extraArguments ?? [],
        ];
        // The data directory is never created: the silos keep nothing of their own.
        var silos = Enumerable.Range(0, count)
            .Select(_ => new SiloProcess(Path.Combine(Path.GetTempPath(), "datatier-unused-" + Guid.NewGuid().ToString("N")), arguments))
            .ToArray();
        var cluster = new SharedStoreCluster(dynalite, silos, prefix, clusterId);
        try
        {
            // One after the other: on a loaded machine, silos starting at once may each miss the start timeout.
            foreach (var silo in silos) await silo.StartAsync(StartTimeout);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Everything the silos wrote, for a failed test's output.</summary>
    public string Output => string.Join('\n', Silos.Select((s, i) => $"----- silo {i}\n{s.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos) silo.Dispose();
        await Dynalite.DisposeAsync();
    }
}
