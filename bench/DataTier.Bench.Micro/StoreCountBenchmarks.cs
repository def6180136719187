using BenchmarkDotNet.Attributes;
using DataTier.Model;
using DataTier.Store;

namespace DataTier.Bench.Micro;

/// <summary>
/// Counting a partition's items and their size in the RocksDB store, as a partition does after a split or a restore
/// (inside one of its turns): page by page with every item decoded, against reading the sizes from the encodings.
/// </summary>
[MemoryDiagnoser]
public class StoreCountBenchmarks
{
    private readonly Guid _table = Guid.NewGuid();
    private string _path = null!;
    private RocksDbTableStore _store = null!;

    [Params(10_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "datatier-count-bench-" + Guid.NewGuid().ToString("N"));
        _store = new RocksDbTableStore(new RocksDbStoreOptions { Path = _path });
        // The YCSB item of the HTTP suite: a key and ten fields of 100 bytes.
        for (var i = 0; i < Items; i++)
        {
            var item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS($"user{i:D10}") };
            for (var f = 0; f < 10; f++) item[$"field{f}"] = AttrValue.FromS(new string((char)('a' + f), 100));
            await _store.WriteAsync(_table, [new ItemWrite(BitConverter.GetBytes(i), 0, 1, item)]);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_path, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<(long Count, long Bytes)> DecodingEveryItem() => _store.CountByPagesAsync(_table, KeyRange.All);

    [Benchmark]
    public ValueTask<(long Count, long Bytes)> FromEncodings() => _store.CountAsync(_table, KeyRange.All);
}
