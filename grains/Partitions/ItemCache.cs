namespace DataTier.Partitions;

/// <summary>
/// A partition's least-recently-used cache of items by position, bounded in bytes. It also holds
/// absences (a null item), so repeated misses do not reach the store.
/// </summary>
internal sealed class ItemCache(long capacityBytes)
{
    private sealed record Entry(string Key, VersionedItem? Item, int Bytes);

    private readonly Dictionary<string, LinkedListNode<Entry>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private long _bytes;

    public int Count => _index.Count;

    public bool TryGet(byte[] position, out VersionedItem? item)
    {
        if (_index.TryGetValue(KeyOf(position), out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            item = node.Value.Item;
            return true;
        }
        item = null;
        return false;
    }

    public void Set(byte[] position, VersionedItem? item, int itemBytes)
    {
        var key = KeyOf(position);
        Remove(key);
        var bytes = itemBytes + key.Length * 2 + 64;
        if (bytes > capacityBytes) return;
        var node = _order.AddFirst(new Entry(key, item, bytes));
        _index[key] = node;
        _bytes += bytes;
        while (_bytes > capacityBytes && _order.Last is { } last) Remove(last.Value.Key);
    }

    public void Invalidate(byte[] position) => Remove(KeyOf(position));

    /// <summary>The entries from most to least recently used.</summary>
    public List<CachedEntry> Export() => _order.Select(e => new CachedEntry(Convert.FromBase64String(e.Key), e.Item, e.Bytes - e.Key.Length * 2 - 64)).ToList();

    /// <summary>Loads exported entries, keeping their recency order.</summary>
    public void Import(IEnumerable<CachedEntry> entries)
    {
        foreach (var e in entries.Reverse()) Set(e.Position, e.Item, e.Bytes);
    }

    public void Clear()
    {
        _index.Clear();
        _order.Clear();
        _bytes = 0;
    }

    private void Remove(string key)
    {
        if (!_index.Remove(key, out var node)) return;
        _order.Remove(node);
        _bytes -= node.Value.Bytes;
    }

    private static string KeyOf(byte[] position) => Convert.ToBase64String(position);
}
