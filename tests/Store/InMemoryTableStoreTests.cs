using DataTier.Store;

namespace DataTier.Tests.Store;

public class InMemoryTableStoreTests : TableStoreConformanceTests
{
    protected override ITableStore Store { get; } = new InMemoryTableStore();
}
