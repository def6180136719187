using DataTier.Cache.Keyspace;

namespace DataTier.Store;

/// <summary>
/// The versions of the items the embedded store wrote last, by store key, so that a write's version
/// check need not read the whole item back from RocksDB (measured: a third of the store's CPU per
/// update). An entry is the stored version because RocksDB lets one process open a database and every
/// item write passes through the store under its key's stripe, where the entry is also set.
/// Bounded by two generations of half the capacity each: when the newer one is full, the older one is
/// dropped and the newer one takes its place, so the items written most recently (at least half the
/// capacity) stay known; a key without an entry is read from the database.
/// </summary>
internal sealed class WrittenVersions(int capacity)
{
    private readonly int _generationSize = Math.Max(1, capacity / 2);
    private Dictionary<byte[], long> _current = new(ByteArrayComparer.Instance);
    private Dictionary<byte[], long> _previous = new(ByteArrayComparer.Instance);
    private readonly Lock _gate = new();

    /// <summary>How many keys are known now: at most the capacity (rounded up to an even number).</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _current.Count + _previous.Count;
        }
    }

    public bool TryGet(byte[] key, out long version)
    {
        lock (_gate) return _current.TryGetValue(key, out version) || _previous.TryGetValue(key, out version);
    }

    /// <summary>Version 0: the item is known to be absent.</summary>
    public void Set(byte[] key, long version)
    {
        if (capacity == 0) return;
        lock (_gate)
        {
            if (_current.Count >= _generationSize && !_current.ContainsKey(key))
            {
                (_previous, _current) = (_current, _previous);
                _current.Clear();
            }
            _current[key] = version;
            _previous.Remove(key);
        }
    }

    public void Remove(byte[] key)
    {
        lock (_gate)
        {
            _current.Remove(key);
            _previous.Remove(key);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _current.Clear();
            _previous.Clear();
        }
    }
}
