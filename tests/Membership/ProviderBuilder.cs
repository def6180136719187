using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataTier.Tests.Membership;

/// <summary>Collects what a provider's <c>UseXxxClustering</c> registers, so the test can resolve its membership table or gateway list provider without starting a silo.</summary>
public sealed class ProviderBuilder : ISiloBuilder, IClientBuilder
{
    public IServiceCollection Services { get; } = new ServiceCollection().AddLogging().AddOptions();

    public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
}
