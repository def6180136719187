using DataTier.Placement;
using DataTier.Silo.Configuration;
using DataTier.Silo.Telemetry;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.Hosting;

/// <summary>How the silo runs as a service: Kubernetes hosting when asked for, request ids in grain logs, a shutdown long enough for the partition hand-off.</summary>
public static class SiloHostingExtensions
{
    /// <summary>Time for the rest of a graceful shutdown (leaving the membership, deactivating grains, draining HTTP) beyond the hand-off.</summary>
    public static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Kubernetes hosting when <c>Orleans:Kubernetes</c> is true (see <see cref="ClusterHostOptions.Kubernetes"/>);
    /// the request-id log scope on grain calls; and a host shutdown timeout of at least
    /// <c>Rebalancing:HandOffTimeout</c> plus <see cref="ShutdownMargin"/>, so SIGTERM leaves the hand-off its full time.
    /// </summary>
    public static ISiloBuilder UseDataTierHosting(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (configuration.GetSection("Orleans").Get<ClusterHostOptions>()?.Kubernetes == true)
            silo.UseKubernetesHosting();
        silo.AddIncomingGrainCallFilter<RequestIdGrainCallFilter>();
        silo.Services.AddOptions<HostOptions>().Configure<IOptions<RebalancingOptions>>((host, rebalancing) =>
        {
            var needed = rebalancing.Value.HandOffTimeout + ShutdownMargin;
            if (host.ShutdownTimeout < needed) host.ShutdownTimeout = needed;
        });
        return silo;
    }
}
