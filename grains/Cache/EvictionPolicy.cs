namespace DataTier.Cache;

/// <summary>What a silo does when its cache is over <see cref="CacheOptions.MaxMemory"/>, as Redis' <c>maxmemory-policy</c>.</summary>
public enum EvictionPolicy
{
    NoEviction,
    AllKeysLru,
    AllKeysLfu,
    AllKeysRandom,
    VolatileLru,
    VolatileLfu,
    VolatileTtl,
    VolatileRandom,
}
