using DataTier.Partitions;
using DataTier.Store;

namespace DataTier.Replicas;

/// <summary>
/// A replica's items in position order, bounded in bytes. While <see cref="Complete"/>, it holds every
/// item of the partition, so a position it lacks is an absent item; once an item did not fit, it holds
/// only some, and a miss says nothing.
/// </summary>
public sealed class ReplicaItems(long capacityBytes)
{
    private sealed class Entry(byte[] position)
    {
        public byte[] Position { get; } = position;
        public VersionedItem Item { get; set; } = null!;
        public int Bytes { get; set; }
    }

    private sealed class PositionOrder : IComparer<Entry>
    {
        public static PositionOrder Instance { get; } = new();

        public int Compare(Entry? x, Entry? y) => x!.Position.AsSpan().SequenceCompareTo(y!.Position);
    }

    private readonly SortedSet<Entry> _entries = new(PositionOrder.Instance);
    private long _bytes;

    public bool Complete { get; private set; } = true;

    public int Count => _entries.Count;

    /// <summary>True when the answer is known: the item held, or null for an item a complete replica lacks.</summary>
    public bool TryGet(byte[] position, out VersionedItem? item)
    {
        if (_entries.TryGetValue(new Entry(position), out var entry))
        {
            item = entry.Item;
            return true;
        }
        item = null;
        return Complete;
    }

    public void Set(byte[] position, VersionedItem item)
    {
        var bytes = item.Size + position.Length + 64;
        if (_entries.TryGetValue(new Entry(position), out var entry))
        {
            _bytes += bytes - entry.Bytes;
            entry.Item = item;
            entry.Bytes = bytes;
            if (_bytes > capacityBytes) Evict(entry);
            return;
        }
        if (_bytes + bytes > capacityBytes)
        {
            Complete = false;
            return;
        }
        _entries.Add(new Entry(position) { Item = item, Bytes = bytes });
        _bytes += bytes;
    }

    public void Remove(byte[] position)
    {
        if (_entries.TryGetValue(new Entry(position), out var entry))
        {
            _entries.Remove(entry);
            _bytes -= entry.Bytes;
        }
    }

    /// <summary>The items in <paramref name="range"/>, in position order or its reverse.</summary>
    public IEnumerable<(byte[] Position, VersionedItem Item)> Range(KeyRange range, bool reverse)
    {
        if (_entries.Count == 0) return [];
        var lower = range.Start is null ? _entries.Min! : new Entry(range.Start);
        var upper = range.End is null ? _entries.Max! : new Entry(range.End);
        if (PositionOrder.Instance.Compare(lower, upper) > 0) return [];
        var view = _entries.GetViewBetween(lower, upper);
        return (reverse ? view.Reverse() : view).Where(e => range.Contains(e.Position)).Select(e => (e.Position, e.Item));
    }

    public void Clear()
    {
        _entries.Clear();
        _bytes = 0;
        Complete = true;
    }

    public List<CachedEntry> Export() => _entries.Select(e => new CachedEntry(e.Position, e.Item, e.Bytes)).ToList();

    public void Import(IEnumerable<CachedEntry> entries, bool complete)
    {
        Clear();
        foreach (var e in entries.Where(e => e.Item is not null)) Set(e.Position, e.Item!);
        Complete &= complete;
    }

    private void Evict(Entry entry)
    {
        _entries.Remove(entry);
        _bytes -= entry.Bytes;
        Complete = false;
    }
}
