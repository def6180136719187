using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>The value of type <typeparamref name="T"/> at a key, for the commands of that type.</summary>
public static class TypedLookup<T> where T : class, new()
{
    /// <summary>The value, or null when the key is absent; <paramref name="error"/> is WRONGTYPE when it holds another type.</summary>
    public static T? Find(CacheKeyspace ks, byte[] key, bool write, out CacheEntry? entry, out CacheReply? error)
    {
        entry = write ? ks.Write(key) : ks.Read(key);
        error = null;
        if (entry is null) return null;
        if (entry.Value is T value) return value;
        error = CacheErrors.WrongType;
        return null;
    }

    /// <summary>A new empty value at the key (absent before).</summary>
    public static T Create(CacheKeyspace ks, byte[] key, out CacheEntry entry)
    {
        var value = new T();
        entry = ks.Add(key, value);
        return value;
    }

    /// <summary>After a change: the entry's size accounted again, or the key removed when its value is now empty.</summary>
    public static void Changed(CacheKeyspace ks, CacheEntry entry, bool empty)
    {
        if (empty) ks.Remove(entry);
        else ks.Resize(entry);
    }

    /// <summary>As <see cref="Changed(CacheKeyspace, CacheEntry, bool)"/>, then the command's keyspace event, and <c>del</c> when the key went, as Redis raises them.</summary>
    public static void Changed(CacheKeyspace ks, CacheEntry entry, bool empty, Notifications.KeyspaceEventTypes type, string @event)
    {
        Changed(ks, entry, empty);
        ks.Notify(type, @event, entry.Key);
        if (empty) ks.GenericEvent("del", entry.Key);
    }
}
