using DataTier.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace DataTier.Tests.Deploy;

public sealed class SiloHostingTests
{
    [Fact]
    public void Kubernetes_hosting_is_off_unless_asked_for()
    {
        Assert.DoesNotContain(Build([]).Services, IsKubernetesHosting);
        Assert.DoesNotContain(Build(new() { ["Orleans:Kubernetes"] = "false" }).Services, IsKubernetesHosting);
        Assert.Contains(Build(new() { ["Orleans:Kubernetes"] = "true" }).Services, IsKubernetesHosting);
    }

    [Fact]
    public void The_shutdown_timeout_leaves_the_hand_off_its_time()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), ShutdownTimeout([]));
        Assert.Equal(TimeSpan.FromSeconds(60) + SiloHostingExtensions.ShutdownMargin, ShutdownTimeout(new() { ["Rebalancing:HandOffTimeout"] = "00:01:00" }));
        Assert.Equal(TimeSpan.FromSeconds(90), ShutdownTimeout(new() { ["Rebalancing:HandOffTimeout"] = "00:00:05", ["shutdownTimeoutSeconds"] = "90" }));
    }

    private static bool IsKubernetesHosting(ServiceDescriptor d) =>
        (d.ImplementationType ?? d.ServiceType).Namespace?.StartsWith("Orleans.Hosting.Kubernetes", StringComparison.Ordinal) == true;

    private static TimeSpan ShutdownTimeout(Dictionary<string, string?> settings)
    {
        using var provider = Build(settings).Services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
    }

    private static HostApplicationBuilder Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.Configure<DataTier.Placement.RebalancingOptions>(builder.Configuration.GetSection("Rebalancing"));
        builder.UseOrleans(silo => silo.UseDataTierHosting(builder.Configuration));
        return builder;
    }
}
