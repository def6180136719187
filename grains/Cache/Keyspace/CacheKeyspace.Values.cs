namespace DataTier.Cache.Keyspace;

/// <summary>Whole values written at once: a string changed in place, a snapshot put at its key.</summary>
public sealed partial class CacheKeyspace
{
    /// <summary>A string changed in place (APPEND, SETRANGE, SETBIT, BITFIELD, PFADD, ...) written back, or added when the key was absent; Redis holds such strings raw.</summary>
    public CacheEntry SetRawString(byte[] key, CacheEntry? entry, byte[] value)
    {
        if (entry is null) entry = Add(key, value);
        else
        {
            entry.Value = value;
            Resize(entry);
        }
        entry.StringEncoding = StringEncoding.Raw;
        return entry;
    }

    /// <summary>A snapshot's value, expiry, flags and encoding put at its key, replacing what was there.</summary>
    public CacheEntry Put(EntrySnapshot snapshot)
    {
        var entry = PutValue(snapshot.Key, snapshot.ToValue(), snapshot.ExpiresAt);
        entry.Flags = snapshot.Flags;
        if (snapshot.Type == 0) entry.StringEncoding = (StringEncoding)snapshot.Encoding;
        return entry;
    }

    /// <summary>A whole value put at a key with its expiry (0 for none), replacing what was there.</summary>
    public CacheEntry PutValue(byte[] key, object value, long expiresAt)
    {
        var entry = Put(key, value);
        if (expiresAt != 0) SetExpiry(entry, expiresAt);
        ValueArrived(key, value);
        return entry;
    }

    /// <summary>A sorted set, list or stream put where a client waits (COPY, SORT ... STORE, RENAME, RESTORE) wakes it, as in Redis.</summary>
    public void ValueArrived(byte[] key, object value)
    {
        if (value is Values.SortedSetValue or Values.ListValue or Streams.StreamValue) KeyGrew(key);
    }
}
