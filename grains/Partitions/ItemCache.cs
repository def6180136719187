using DataTier.Cache.Keyspace;

namespace DataTier.Partitions;

/// <summary>
/// A partition's least-recently-used cache of items by position, bounded in bytes. It also holds
/// absences (a null item), so repeated misses do not reach the store. Its grain writes it in its own
/// turns while the silo's endpoints read it through <see cref="PartitionReadView"/>, so every access
/// takes a lock; it is held for a dictionary lookup and a list move. An item's kept wire encoding
/// (<see cref="VersionedItem.Encoded"/>) counts against the budget from when it is made.
/// </summary>
internal sealed class ItemCache(long capacityBytes)
{
    /// <summary>A cached item; the item reports to it when its kept encoding is made.</summary>
    private sealed class Entry(ItemCache cache, byte[] key, VersionedItem? item, int bytes, int encodedBytes) : IEncodingHolder
    {
        public byte[] Key { get; } = key;
        public VersionedItem? Item { get; } = item;

        /// <summary>All the entry is accounted for: item, key, overhead and kept encoding.</summary>
        public int Bytes { get; set; } = bytes;

        public int EncodedBytes { get; set; } = encodedBytes;

        void IEncodingHolder.Kept(int bytes) => cache.CountEncoding(this, bytes);
    }

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

    /// <summary>The bytes the entries are accounted for, never more than the capacity.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate) return _bytes;
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
        var encodedBytes = item?.EncodedBytes ?? 0;
        var bytes = itemBytes + KeyBytes(position) + 64 + encodedBytes;
        if (bytes > capacityBytes) return;
        var entry = new Entry(this, position, item, bytes, encodedBytes);
        item?.HeldBy(entry);
        _index[position] = _order.AddFirst(entry);
        _bytes += bytes;
        EvictPastCapacity();
    }

    /// <summary>
    /// Counts an item's kept encoding once, while the item is cached. The entry that asks may have been
    /// replaced by one for the same item (a split's import) that did not see the encoding yet.
    /// </summary>
    private void CountEncoding(Entry entry, int bytes)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(entry.Key, out var node) || !ReferenceEquals(node.Value.Item, entry.Item)) return;
            var current = node.Value;
            if (current.EncodedBytes != 0) return;
            current.EncodedBytes = bytes;
            current.Bytes += bytes;
            _bytes += bytes;
            EvictPastCapacity();
        }
    }

    private void EvictPastCapacity()
    {
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
            foreach (var entry in _order) entry.Item?.ReleasedBy(entry);
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
        // An item can outlive its entry (a read's result, a replica on this silo): it must not keep the cache alive.
        node.Value.Item?.ReleasedBy(node.Value);
    }

    /// <summary>An entry as it travels: the item's own size, without what the cache accounts for its key and kept encoding.</summary>
    private static CachedEntry ToCachedEntry(Entry e) => new(e.Key, e.Item, e.Bytes - KeyBytes(e.Key) - 64 - e.EncodedBytes);

    /// <summary>What the key is accounted for: the size of its Base64 text, as when the cache was keyed by it.</summary>
    private static int KeyBytes(byte[] position) => (position.Length + 2) / 3 * 4 * 2;
}
