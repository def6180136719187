using Orleans.TestingHost;
using Xunit;

namespace DataTier.Tests.Cluster;

/// <summary>
/// Tests that need a cluster of their own, because they add, stop or kill silos: a fresh in-process
/// cluster of <paramref name="silos"/> silos connected over TCP for each test, stopped after it.
/// </summary>
public abstract class OwnClusterTests(short silos) : IAsyncLifetime
{
    protected TestCluster Cluster { get; private set; } = null!;

    /// <summary>Adds the test's silo (and client) configurators; runs before the silos start.</summary>
    protected abstract void Configure(TestClusterBuilder builder);

    /// <summary>Runs once every silo has stopped (to release what <see cref="Configure"/> opened).</summary>
    protected virtual void AfterStop()
    {
    }

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        Configure(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        AfterStop();
    }
}
