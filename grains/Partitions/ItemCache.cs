using DataTier.Cache.Keyspace;

namespace DataTier.Partitions;

/// <summary>
/// A partition's least-recently-used cache of items by position, bounded in bytes. It also holds
/// absences (a null item), so repeated misses do not reach the store. Its grain writes it in its own
/// turns while the silo's endpoints read it through <see cref="PartitionReadView"/>, so every access
/// takes a lock; it is held for a dictionary lookup and a list move.
/// </summary>
internal sealed class ItemCache(long capacityBytes)
{
    private sealed record Entry(byte[] Key, VersionedItem? Item, int Bytes);

    // Keyed by the position's bytes: a lookup allocates nothing.
    private readonly Dictionary<byte[], LinkedListNode<Entry>> _index = new(ByteArrayComparer.Instance);
    private readonly LinkedList<Entry> _order = new();
    private readonly Lock _gate = new();
    private long _bytes;

    public int Count
    {
        get
        {
            lock (_gate) return _index.Count;
        }
    }

    public bool TryGet(byte[] position, out VersionedItem? item)
    {
        lock (_gate)
        {
            if (_index.TryGetValue(position, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                item = node.Value.Item;
                return true;
            }
        }
        item = null;
        return false;
    }

    public void Set(byte[] position, VersionedItem? item, int itemBytes)
    {
        lock (_gate) SetLocked(position, item, itemBytes);
    }

    private void SetLocked(byte[] position, VersionedItem? item, int itemBytes)
    {
        Remove(position);
        var bytes = itemBytes + KeyBytes(position) + 64;
        if (bytes > capacityBytes) return;
        var node = _order.AddFirst(new Entry(position, item, bytes));
        _index[position] = node;
        _bytes += bytes;
        while (_bytes > capacityBytes && _order.Last is { } last) Remove(last.Value.Key);
    }

    public void Invalidate(byte[] position)
    {
        lock (_gate) Remove(position);
    }

    /// <summary>The entries from most to least recently used.</summary>
    public List<CachedEntry> Export()
    {
        lock (_gate) return _order.Select(ToCachedEntry).ToList();
    }

    /// <summary>Removes and returns the entries whose positions' hashes lie in a range, from most to least recently used.</summary>
    public List<CachedEntry> Take(ulong firstHash, ulong lastHash)
    {
        lock (_gate)
        {
            var taken = new List<CachedEntry>();
            for (var node = _order.First; node is not null;)
            {
                var next = node.Next;
                var hash = Store.ItemKey.HashOf(node.Value.Key);
                if (hash >= firstHash && hash <= lastHash)
                {
                    taken.Add(ToCachedEntry(node.Value));
                    Remove(node.Value.Key);
                }
                node = next;
            }
            return taken;
        }
    }

    /// <summary>Loads exported entries, keeping their recency order.</summary>
    public void Import(IEnumerable<CachedEntry> entries)
    {
        lock (_gate)
        {
            foreach (var e in entries.Reverse()) SetLocked(e.Position, e.Item, e.Bytes);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _index.Clear();
            _order.Clear();
            _bytes = 0;
        }
    }

    private void Remove(byte[] key)
    {
        if (!_index.Remove(key, out var node)) return;
        _order.Remove(node);
        _bytes -= node.Value.Bytes;
    }

    /// <summary>An entry as it travels: the item's own size, without what the cache accounts for its key.</summary>
    private static CachedEntry ToCachedEntry(Entry e) => new(e.Key, e.Item, e.Bytes - KeyBytes(e.Key) - 64);

    /// <summary>What the key is accounted for: the size of its Base64 text, as when the cache was keyed by it.</summary>
    private static int KeyBytes(byte[] position) => (position.Length + 2) / 3 * 4 * 2;
}
