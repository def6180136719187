using DataTier.Cache.Keyspace;

namespace DataTier.Store;

/// <summary>
/// The versions of the items the embedded store wrote last, by store key, so that a write's version
/// check need not read the whole item back from RocksDB (measured: a third of the store's CPU per
/// update). An entry is the stored version because RocksDB lets one process open a database and every
/// item write passes through the store under its key's stripe, where the entry is also set. Bounded:
/// when full it starts again empty, and a key without an entry is read from the database.
/// </summary>
internal sealed class WrittenVersions(int capacity)
{
    private readonly Dictionary<byte[], long> _versions = new(ByteArrayComparer.Instance);
    private readonly Lock _gate = new();

    public bool TryGet(byte[] key, out long version)
    {
        lock (_gate) return _versions.TryGetValue(key, out version);
    }

    /// <summary>Version 0: the item is known to be absent.</summary>
    public void Set(byte[] key, long version)
    {
        if (capacity == 0) return;
        lock (_gate)
        {
            if (_versions.Count >= capacity && !_versions.ContainsKey(key)) _versions.Clear();
            _versions[key] = version;
        }
    }

    public void Remove(byte[] key)
    {
        lock (_gate) _versions.Remove(key);
    }

    public void Clear()
    {
        lock (_gate) _versions.Clear();
    }
}
