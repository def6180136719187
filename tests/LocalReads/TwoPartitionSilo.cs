using DataTier.Hosting;
using DataTier.Store;
using Orleans.TestingHost;

namespace DataTier.Tests.LocalReads;

/// <summary>
/// The silo of the local read and direct write tests: tables of two partitions that never split, an in-memory store
/// of its own (one per <typeparamref name="TCounter"/>, so each test class has its own), and <typeparamref name="TCounter"/>
/// counting the partition grain calls that those tests expect to be spared.
/// </summary>
internal sealed class TwoPartitionSilo<TCounter> : ISiloConfigurator where TCounter : class, IIncomingGrainCallFilter
{
    private static readonly InMemoryTableStore Store = new();

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddDataTierTables(o =>
        {
            o.InitialPartitionsPerTable = 2;
            o.SplitEnabled = false;
        });
        siloBuilder.Services.AddSharedTableStore(Store);
        siloBuilder.AddIncomingGrainCallFilter<TCounter>();
    }
}
