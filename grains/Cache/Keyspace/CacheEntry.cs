namespace DataTier.Cache.Keyspace;

/// <summary>
/// One key of a shard: its value (a string as byte[], a <see cref="Values.HashValue"/>, <see cref="Values.SortedSetValue"/>,
/// <see cref="Values.ListValue"/>, <see cref="Values.SetValue"/> or <see cref="Streams.StreamValue"/>), expiry and access data for eviction.
/// </summary>
public sealed class CacheEntry(byte[] key, object value)
{
    public byte[] Key { get; } = key;

    public object Value { get; set; } = value;

    /// <summary>Unix time in milliseconds at which the key expires; 0 for never.</summary>
    public long ExpiresAt { get; set; }

    /// <summary>Position in the shard's list of all entries (for random sampling).</summary>
    internal int Index { get; set; }

    /// <summary>Position in the shard's list of entries with an expiry, or -1.</summary>
    internal int VolatileIndex { get; set; } = -1;

    /// <summary>The bytes this entry is accounted for (an int, as are the minute below: one entry object per key, so every field counts).</summary>
    internal int Size { get; set; }

    /// <summary>Unix time in milliseconds of the last access (LRU).</summary>
    internal long LastAccess { get; set; }

    /// <summary>Logarithmic access counter (LFU), as Redis keeps it.</summary>
    internal byte Frequency { get; set; }

    /// <summary>Unix minute at which <see cref="Frequency"/> was last decremented.</summary>
    internal int FrequencyMinute { get; set; }

    /// <summary>The memcached client flags of a string (0 for values written over RESP).</summary>
    public uint Flags { get; set; }

    /// <summary>memcached's CAS unique: changes with every write of the value (see <see cref="CacheKeyspace.Resize"/>).</summary>
    public ulong Cas { get; set; }

    /// <summary>
    /// Set when a memcached lookup has counted this entry in get_expired: while a pause holds it in place it is met again,
    /// and memcached counts an expired item once. Fits the object's padding, so it costs no memory.
    /// </summary>
    internal bool ExpiryCounted { get; set; }

    /// <summary>For a string, how Redis would hold it (reset to <see cref="StringEncoding.Auto"/> whenever the value is replaced).</summary>
    public StringEncoding StringEncoding { get; set; }

    public bool IsExpiredAt(long now) => ExpiresAt != 0 && ExpiresAt <= now;
}
