using Microsoft.Extensions.Options;

namespace DataTier.Cache.Memory;

/// <summary>
/// The memory the cache shards of this silo share: their accounted bytes together, the limit and
/// the eviction policy (both settable at run time by CONFIG SET).
/// </summary>
public sealed class CacheMemoryBudget(IOptions<CacheOptions> options)
{
    private long _used;

    public long Used => Volatile.Read(ref _used);

    public long MaxMemory { get; set; } = options.Value.MaxMemory;

    public EvictionPolicy Policy { get; set; } = options.Value.Policy;

    public int Samples { get; set; } = options.Value.MaxMemorySamples;

    /// <summary>The size up to which a HyperLogLog stays sparse (Redis' <c>hll-sparse-max-bytes</c>, set with CONFIG SET).</summary>
    public long HllSparseMaxBytes { get; set; } = Hll.HllLayout.SparseMaxBytes;

    public bool OverLimit => MaxMemory > 0 && Used > MaxMemory;

    public void Add(long delta) => Interlocked.Add(ref _used, delta);
}
