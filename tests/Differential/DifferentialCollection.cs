using Xunit;

namespace DataTier.Tests.Differential;

[CollectionDefinition("differential")]
public sealed class DifferentialCollection : ICollectionFixture<DifferentialFixture>;
