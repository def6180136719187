using System.Text;
using BenchmarkDotNet.Attributes;
using DataTier.Cache;
using DataTier.Keys;
using DataTier.Model;

namespace DataTier.Bench.Micro;

/// <summary>
/// Key hashing on every request: a table's partition key to its 64-bit hash (XxHash64 of the
/// canonical bytes, which picks the partition) and a cache key to its slot (CRC16, hash tags).
/// </summary>
[MemoryDiagnoser]
public class KeyHashBenchmarks
{
    private readonly byte[] _shortKey = Encoding.UTF8.GetBytes("user#0123456789");
    private readonly byte[] _longKey = Encoding.UTF8.GetBytes(new string('k', 256));
    private readonly AttrValue _stringKey = AttrValue.FromS("user#0123456789");
    private readonly AttrValue _numberKey = AttrValue.FromN("1234567890.5");
    private readonly byte[] _cacheKey = Encoding.UTF8.GetBytes("key:000000012345");
    private readonly byte[] _taggedCacheKey = Encoding.UTF8.GetBytes("{user:1000}:followers");

    [Benchmark(Baseline = true)]
    public ulong PartitionHash15Bytes() => KeyHash.Compute(_shortKey);

    [Benchmark]
    public ulong PartitionHash256Bytes() => KeyHash.Compute(_longKey);

    /// <summary>What routing a request costs: canonical bytes of an S key, then the hash.</summary>
    [Benchmark]
    public ulong PartitionHashOfStringKey() => KeyHash.Compute(KeyBytes.Of(_stringKey));

    /// <summary>An N key's canonical bytes are its order-preserving encoding: parsing included.</summary>
    [Benchmark]
    public ulong PartitionHashOfNumberKey() => KeyHash.Compute(KeyBytes.Of(_numberKey));

    [Benchmark]
    public int CacheSlot() => SlotHash.SlotOf(_cacheKey);

    [Benchmark]
    public int CacheSlotWithHashTag() => SlotHash.SlotOf(_taggedCacheKey);
}
