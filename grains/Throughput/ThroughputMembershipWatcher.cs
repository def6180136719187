using Microsoft.Extensions.Hosting;

namespace DataTier.Throughput;

/// <summary>Tells <see cref="LocalThroughput"/> how many silos are active, whenever membership changes.</summary>
public sealed class ThroughputMembershipWatcher(IClusterMembershipService membership, LocalThroughput throughput) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
                throughput.SetActiveSilos(snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
