using Xunit;

namespace DataTier.Tests.Peers;

/// <summary>Test classes that store into dynalite share one process and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DynaliteCollection : ICollectionFixture<DynaliteFixture>
{
    public const string Name = "Dynalite";
}
