using Xunit;

namespace DataTier.Tests.Processes;

/// <summary>Tests that run a <see cref="SharedStoreCluster"/>: one at a time, since each starts several silo processes and dynalite.</summary>
[CollectionDefinition(Name)]
public sealed class SharedStoreCollection
{
    public const string Name = "shared-store processes";
}
