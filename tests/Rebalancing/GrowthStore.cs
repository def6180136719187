using DataTier.Store;

namespace DataTier.Tests.Rebalancing;

/// <summary>The RocksDB store the silos of <see cref="ClusterGrowthTests"/> share.</summary>
public sealed class GrowthStore : IDisposable
{
    private static readonly string StorePath = Path.Combine(Path.GetTempPath(), "datatier-growth-" + Guid.NewGuid().ToString("N"));

    internal static RocksDbTableStore Store { get; } = new(new RocksDbStoreOptions { Path = StorePath });

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(StorePath, recursive: true);
    }
}
