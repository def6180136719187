using DataTier.Cache.Keyspace;

namespace DataTier.Partitions;

/// <summary>
/// A partition's cache of items by position, bounded in bytes and evicted by the CLOCK algorithm (second
/// chance), an approximation of least-recently-used. It also holds absences (a null item), so repeated misses
/// do not reach the store. Its grain writes it in its own turns while the silo's endpoints read it through
/// <see cref="PartitionReadView"/>, so every access takes a lock, held for a dictionary lookup.
/// An item's kept wire encoding (<see cref="VersionedItem.Encoded"/>) counts against the budget from when it is made.
/// </summary>
/// <remarks>
/// CLOCK rather than a linked list in recency order, for the garbage collector: a hit only sets a flag, and a
/// write of a cached item replaces the item in its entry, where a list moved nodes on every read and allocated
/// an entry and a node on every write. Entries live long, so each reference written into them marks a card the
/// next gen 0 collection scans; measured on YCSB A at a fixed rate, that scan was a third of every pause.
/// </remarks>
internal sealed class ItemCache(long capacityBytes)
{
    /// <summary>A cached item; the item reports to it when its kept encoding is made.</summary>
    private sealed class Entry(ItemCache cache, byte[] key) : IEncodingHolder
    {
        public byte[] Key { get; } = key;
        public VersionedItem? Item;

        /// <summary>All the entry is accounted for: item, key, overhead and kept encoding.</summary>
        public int Bytes;

        public int EncodedBytes;

        /// <summary>The entry's place on the clock; -1 once it has left the cache.</summary>
        public int Slot = -1;

        /// <summary>Read or written since the clock's hand last passed.</summary>
        public bool Referenced;

        void IEncodingHolder.Kept(VersionedItem item, int bytes) => cache.CountEncoding(this, item, bytes);
    }

    // Keyed by the position's bytes: a lookup allocates nothing.
    private readonly Dictionary<byte[], Entry> _index = new(ByteArrayComparer.Instance);
    private readonly List<Entry?> _clock = [];
    private readonly Stack<int> _freeSlots = new();
    private int _hand;
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
            if (_index.TryGetValue(position, out var entry))
            {
                if (!entry.Referenced) entry.Referenced = true;
                item = entry.Item;
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
        var encodedBytes = item?.EncodedBytes ?? 0;
        var bytes = itemBytes + KeyBytes(position) + 64 + encodedBytes;
        _index.TryGetValue(position, out var entry);
        if (bytes > capacityBytes)
        {
            if (entry is not null) Remove(entry);
            return;
        }
        if (entry is null)
        {
            entry = new Entry(this, position);
            _index.Add(position, entry);
            Place(entry);
        }
        else
        {
            entry.Item?.ReleasedBy(entry);
            _bytes -= entry.Bytes;
        }
        entry.Item = item;
        entry.Bytes = bytes;
        entry.EncodedBytes = encodedBytes;
        entry.Referenced = true;
        item?.HeldBy(entry);
        _bytes += bytes;
        EvictPastCapacity(entry);
    }

    private void Place(Entry entry)
    {
        if (_freeSlots.TryPop(out var slot)) _clock[slot] = entry;
        else
        {
            slot = _clock.Count;
            _clock.Add(entry);
        }
        entry.Slot = slot;
    }

    /// <summary>
    /// Counts an item's kept encoding once, while the item is cached. The entry that asks may have been
    /// replaced by one for the same item (a split's import) that did not see the encoding yet.
    /// </summary>
    private void CountEncoding(Entry entry, VersionedItem item, int bytes)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(entry.Key, out var current) || !ReferenceEquals(current.Item, item)) return;
            if (current.EncodedBytes != 0) return;
            current.EncodedBytes = bytes;
            current.Bytes += bytes;
            _bytes += bytes;
            EvictPastCapacity(current);
        }
    }

    /// <summary>
    /// Moves the hand round the clock, evicting entries not referenced since it last passed and clearing the
    /// mark of those that were, until the budget holds. <paramref name="spare"/>, the entry just set, goes last.
    /// </summary>
    private void EvictPastCapacity(Entry spare)
    {
        var passes = 0;
        while (_bytes > capacityBytes && _index.Count > 0)
        {
            if (_hand >= _clock.Count)
            {
                _hand = 0;
                // Two full turns clear every mark; after them the entry just set is the only one left to evict.
                if (++passes > 2)
                {
                    Remove(spare);
                    return;
                }
            }
            var entry = _clock[_hand++];
            if (entry is null || entry == spare) continue;
            if (entry.Referenced) entry.Referenced = false;
            else Remove(entry);
        }
    }

    public void Invalidate(byte[] position)
    {
        lock (_gate)
        {
            if (_index.TryGetValue(position, out var entry)) Remove(entry);
        }
    }

    /// <summary>The entries, those read or written since the clock's hand last passed first.</summary>
    public List<CachedEntry> Export()
    {
        lock (_gate)
        {
            var live = _clock.OfType<Entry>();
            return live.Where(e => e.Referenced).Concat(live.Where(e => !e.Referenced)).Select(ToCachedEntry).ToList();
        }
    }

    /// <summary>Removes and returns the entries whose positions' hashes lie in a range.</summary>
    public List<CachedEntry> Take(ulong firstHash, ulong lastHash)
    {
        lock (_gate)
        {
            var taken = new List<CachedEntry>();
            foreach (var entry in _clock.ToArray())
            {
                if (entry is null) continue;
                var hash = Store.ItemKey.HashOf(entry.Key);
                if (hash < firstHash || hash > lastHash) continue;
                taken.Add(ToCachedEntry(entry));
                Remove(entry);
            }
            return taken;
        }
    }

    /// <summary>Loads exported entries; those listed first are the last the clock evicts.</summary>
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
            foreach (var entry in _index.Values)
            {
                entry.Item?.ReleasedBy(entry);
                entry.Slot = -1;
            }
            _index.Clear();
            _clock.Clear();
            _freeSlots.Clear();
            _hand = 0;
            _bytes = 0;
        }
    }

    private void Remove(Entry entry)
    {
        if (entry.Slot < 0) return;
        _index.Remove(entry.Key);
        _clock[entry.Slot] = null;
        _freeSlots.Push(entry.Slot);
        entry.Slot = -1;
        _bytes -= entry.Bytes;
        // An item can outlive its entry (a read's result, a replica on this silo): it must not keep the cache alive.
        entry.Item?.ReleasedBy(entry);
    }

    /// <summary>An entry as it travels: the item's own size, without what the cache accounts for its key and kept encoding.</summary>
    private static CachedEntry ToCachedEntry(Entry e) => new(e.Key, e.Item, e.Bytes - KeyBytes(e.Key) - 64 - e.EncodedBytes);

    /// <summary>What the key is accounted for: the size of its Base64 text, as when the cache was keyed by it.</summary>
    private static int KeyBytes(byte[] position) => (position.Length + 2) / 3 * 4 * 2;
}
