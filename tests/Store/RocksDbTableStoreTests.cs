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

    [Fact]
    public async Task Versions_are_checked_against_the_database_after_reopening()
    {
        var table = Guid.NewGuid();
        await _store.WriteAsync(table, [new ItemWrite([1], 0, 1, Item("a"))]);
        Reopen(new RocksDbStoreOptions { Path = _path });
        var e = await Assert.ThrowsAsync<VersionConflictException>(() => _store.WriteAsync(table, [new ItemWrite([1], 0, 1, Item("b"))]).AsTask());
        Assert.Equal(1, e.Actual);
        await _store.WriteAsync(table, [new ItemWrite([1], 1, 2, Item("b"))]);
        Assert.Equal(2, (await _store.GetAsync(table, [1]))!.Version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Versions_beyond_those_kept_in_memory_are_checked_against_the_database(int kept)
    {
        Reopen(new RocksDbStoreOptions { Path = _path, WrittenVersions = kept });
        var table = Guid.NewGuid();
        for (byte i = 1; i <= 5; i++) await _store.WriteAsync(table, [new ItemWrite([i], 0, 1, Item("a"))]);
        await _store.WriteAsync(table, [new ItemWrite([1], 1, 0, null)]);
        for (byte i = 2; i <= 5; i++)
        {
            var e = await Assert.ThrowsAsync<VersionConflictException>(() => _store.WriteAsync(table, [new ItemWrite([i], 0, 1, Item("b"))]).AsTask());
            Assert.Equal(1, e.Actual);
            await _store.WriteAsync(table, [new ItemWrite([i], 1, 2, Item("b"))]);
        }
        await Assert.ThrowsAsync<VersionConflictException>(() => _store.WriteAsync(table, [new ItemWrite([1], 1, 2, Item("b"))]).AsTask());
        await _store.WriteAsync(table, [new ItemWrite([1], 0, 1, Item("again"))]);
    }

    private void Reopen(RocksDbStoreOptions options)
    {
        _store.Dispose();
        _store = new RocksDbTableStore(options);
    }

    private static Dictionary<string, AttrValue> Item(string v) => new() { ["v"] = AttrValue.FromS(v) };

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_path, recursive: true);
    }
}
