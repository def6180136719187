using DataTier.Tests.Peers;
using DataTier.Tests.Processes;
using Xunit;

namespace DataTier.Tests.Differential;

/// <summary>
/// The two endpoints the differential suite compares: a DataTier silo process (RocksDB on a fresh
/// temporary directory) and dynalite in memory, both on loopback, started together. dynalite is told
/// to use the silo's region and account so that table ARNs are the same on both.
/// </summary>
public sealed class DifferentialFixture : IAsyncLifetime
{
    public const string Region = "local";
    public const string AccountId = "000000000000";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "datatier-diff-" + Guid.NewGuid().ToString("N"));

    public SiloProcess Silo { get; private set; } = null!;

    public DynaliteProcess Dynalite { get; private set; } = null!;

    public DifferentialClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        Silo = new SiloProcess(_dataDirectory);
        Dynalite = new DynaliteProcess(new DynaliteOptions { Region = Region, AccountId = AccountId });
        await Task.WhenAll(Silo.StartAsync(), Dynalite.StartAsync());
        Client = new DifferentialClient(Silo.EndpointUrl, Dynalite.EndpointUrl);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Dynalite?.Dispose();
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
        Wire.SiloFixture.DeleteDirectory(_dataDirectory);
    }
}
