namespace DataTier.Cache.Values;

/// <summary>Redis 7.0's defaults for small hashes and sorted sets (hash- and zset-max-listpack-entries, and -value for both).</summary>
public static class ListpackLimits
{
    public const int HashMaxEntries = 512;
    public const int SortedSetMaxEntries = 128;
    public const int MaxValueBytes = 64;
}
