using Xunit;

namespace DataTier.Tests.Processes;

/// <summary>
/// Tests that start several silo processes each run one at a time: started together on a small
/// machine they starve each other, and silos miss their start-up deadline.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessClusterCollection
{
    public const string Name = "process-clusters";
}
