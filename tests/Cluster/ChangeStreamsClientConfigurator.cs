using Orleans.TestingHost;

namespace DataTier.Tests.Cluster;

/// <summary>Gives a test cluster's client the change-stream provider, so triggers there wake on notifications.</summary>
public sealed class ChangeStreamsClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.AddMemoryStreams(Streams.ChangeStreams.ProviderName);
}
