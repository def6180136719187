using DataTier.Model;
using DataTier.Store;
using Xunit;

namespace DataTier.Tests.Store;

public sealed class RocksDbTableStoreTests : TableStoreConformanceTests, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "datatier-rocks-" + Guid.NewGuid().ToString("N"));
    private RocksDbTableStore _store;

    public RocksDbTableStoreTests() => _store = new RocksDbTableStore(new RocksDbStoreOptions { Path = _path });

    protected override ITableStore Store => _store;

    [Fact]
    public async Task Data_survives_reopening_the_database()
    {
        var table = Guid.NewGuid();
        await _store.WriteAsync(table, [new ItemWrite([1], 0, 1, new Dictionary<string, AttrValue> { ["v"] = AttrValue.FromN("42") })]);
        await _store.PutCatalogEntryAsync("t", [1]);
        _store.Dispose();
        _store = new RocksDbTableStore(new RocksDbStoreOptions { Path = _path });
        Assert.Equal(AttrValue.FromN("42"), (await _store.GetAsync(table, [1]))!.Attributes["v"]);
        Assert.True((await _store.ReadCatalogAsync()).ContainsKey("t"));
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_path, recursive: true);
    }
}
