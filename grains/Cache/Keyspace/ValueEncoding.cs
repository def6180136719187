using DataTier.Cache.Streams;
using DataTier.Cache.Values;

namespace DataTier.Cache.Keyspace;

/// <summary>What Redis 7.0's OBJECT ENCODING and REFCOUNT answer for a value, derived from the value and how it was written.</summary>
public static class ValueEncoding
{
    /// <summary>Redis shares one object for each integer from 0 to 9999 (OBJ_SHARED_INTEGERS).</summary>
    private const long SharedIntegers = 10_000;

    /// <summary>The longest string Redis allocates with its object header (OBJ_ENCODING_EMBSTR_SIZE_LIMIT).</summary>
    private const int EmbeddedStringLimit = 44;

    /// <summary>The reference count of a shared object (OBJ_SHARED_REFCOUNT).</summary>
    private const long SharedRefCount = int.MaxValue;

    public static string Name(CacheEntry entry) => entry.Value switch
    {
        byte[] text => StringName(text, entry.StringEncoding),
        HashValue hash => hash.IsHashtable ? "hashtable" : "listpack",
        SetValue set => set.IsHashtable ? "hashtable" : "intset",
        SortedSetValue sorted => sorted.IsSkiplist ? "skiplist" : "listpack",
        // Redis 7.0 holds every list as a quicklist (7.2 added small listpack lists).
        ListValue => "quicklist",
        StreamValue => "stream",
        _ => "unknown",
    };

    /// <summary>
    /// Shared small integers count as referenced for ever; Redis does not share them when an LRU or LFU policy with a
    /// memory limit needs each key's own access data.
    /// </summary>
    public static long RefCount(CacheEntry entry, bool sharedIntegers) =>
        sharedIntegers && entry.Value is byte[] text && entry.StringEncoding == StringEncoding.Auto && IsInteger(text, out var number)
            && number is >= 0 and < SharedIntegers ? SharedRefCount : 1;

    private static string StringName(byte[] text, StringEncoding encoding) => encoding switch
    {
        StringEncoding.Raw => "raw",
        StringEncoding.NotInteger => text.Length <= EmbeddedStringLimit ? "embstr" : "raw",
        _ => IsInteger(text, out _) ? "int" : text.Length <= EmbeddedStringLimit ? "embstr" : "raw",
    };

    private static bool IsInteger(byte[] text, out long value) => CacheNumbers.TryParseLong(text, out value);
}
