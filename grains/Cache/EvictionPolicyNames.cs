namespace DataTier.Cache;

/// <summary>Redis' names of the eviction policies (<c>allkeys-lru</c>, ...).</summary>
public static class EvictionPolicyNames
{
    private static readonly (string Name, EvictionPolicy Policy)[] Names =
    [
        ("noeviction", EvictionPolicy.NoEviction),
        ("allkeys-lru", EvictionPolicy.AllKeysLru),
        ("allkeys-lfu", EvictionPolicy.AllKeysLfu),
        ("allkeys-random", EvictionPolicy.AllKeysRandom),
        ("volatile-lru", EvictionPolicy.VolatileLru),
        ("volatile-lfu", EvictionPolicy.VolatileLfu),
        ("volatile-ttl", EvictionPolicy.VolatileTtl),
        ("volatile-random", EvictionPolicy.VolatileRandom),
    ];

    public static string NameOf(EvictionPolicy policy) => Names.First(n => n.Policy == policy).Name;

    public static bool TryParse(string name, out EvictionPolicy policy)
    {
        foreach (var (n, p) in Names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                policy = p;
                return true;
            }
        }
        policy = default;
        return false;
    }

    public static bool IsVolatile(EvictionPolicy policy) =>
        policy is EvictionPolicy.VolatileLru or EvictionPolicy.VolatileLfu or EvictionPolicy.VolatileTtl or EvictionPolicy.VolatileRandom;
}
