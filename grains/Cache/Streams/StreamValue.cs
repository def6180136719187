namespace DataTier.Cache.Streams;

/// <summary>
/// A Redis stream: entries in ID order, the last ID generated, how many entries were ever added, the largest ID deleted
/// by XDEL, and the consumer groups (by name, in byte order). Entries are appended into nodes of
/// <see cref="NodeCapacity"/> as Redis' radix tree does, so that trimming with <c>~</c> removes whole nodes as Redis does.
/// </summary>
public sealed class StreamValue
{
    public const int NodeCapacity = 100;

    private long _lastNode = -1;
    private int _lastNodeAppends;

    public List<StreamEntry> Entries { get; } = [];

    public StreamEntryId LastId { get; set; }

    public long EntriesAdded { get; set; }

    public StreamEntryId MaxDeletedId { get; set; }

    public SortedDictionary<byte[], StreamGroup> Groups { get; } = new(ByteOrder.Instance);

    /// <summary>Accounted size of the entries and groups.</summary>
    public long Bytes { get; private set; }

    public int Count => Entries.Count;

    public StreamEntryId FirstId => Entries.Count > 0 ? Entries[0].Id : StreamEntryId.Zero;

    public void Append(StreamEntryId id, byte[][] fields)
    {
        if (_lastNodeAppends >= NodeCapacity || _lastNode < 0)
        {
            _lastNode++;
            _lastNodeAppends = 0;
        }
        _lastNodeAppends++;
        var entry = new StreamEntry(id, fields, _lastNode);
        Entries.Add(entry);
        Bytes += entry.Bytes;
        LastId = id;
        EntriesAdded++;
    }

    /// <summary>Restores an entry as it was (snapshots): no counters change.</summary>
    public void Restore(StreamEntry entry)
    {
        Entries.Add(entry);
        Bytes += entry.Bytes;
        if (entry.Node != _lastNode)
        {
            _lastNode = entry.Node;
            _lastNodeAppends = 0;
        }
        _lastNodeAppends++;
    }

    /// <summary>The position of the first entry with an ID at or after <paramref name="id"/> (Count when none).</summary>
    public int IndexAtOrAfter(StreamEntryId id)
    {
        int lo = 0, hi = Entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Entries[mid].Id < id) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public StreamEntry? Find(StreamEntryId id)
    {
        var i = IndexAtOrAfter(id);
        return i < Entries.Count && Entries[i].Id == id ? Entries[i] : null;
    }

    /// <summary>XDEL of one ID: true when it was there.</summary>
    public bool Delete(StreamEntryId id)
    {
        var i = IndexAtOrAfter(id);
        if (i >= Entries.Count || Entries[i].Id != id) return false;
        Bytes -= Entries[i].Bytes;
        Entries.RemoveAt(i);
        if (id > MaxDeletedId) MaxDeletedId = id;
        return true;
    }

    /// <summary>
    /// Trims from the oldest entry while <paramref name="removable"/> holds for it (given how many entries would be left); approximate trimming
    /// removes only whole nodes and stops at the first it cannot remove whole; at most <paramref name="limit"/> entries (0: no limit).
    /// </summary>
    public long Trim(Func<StreamEntry, int, bool> removable, bool approximate, long limit)
    {
        var removed = 0;
        while (removed < Entries.Count)
        {
            var node = Entries[removed].Node;
            var end = removed;
            while (end < Entries.Count && Entries[end].Node == node) end++;
            var nodeSize = end - removed;
            var last = Entries[end - 1];
            if (removable(last, Entries.Count - end) && (limit == 0 || removed + nodeSize <= limit))
            {
                removed = end;
                continue;
            }
            if (approximate) break;
            while (removed < end && removable(Entries[removed], Entries.Count - removed - 1)) removed++;
            break;
        }
        for (var i = 0; i < removed; i++) Bytes -= Entries[i].Bytes;
        Entries.RemoveRange(0, removed);
        return removed;
    }

    public const int GroupOverhead = 128;
    public const int PendingOverhead = 64;

    public void AddGroup(StreamGroup group)
    {
        Groups[group.Name] = group;
        Bytes += GroupOverhead + group.Name.Length;
    }

    public bool RemoveGroup(byte[] name)
    {
        if (!Groups.Remove(name, out var group)) return false;
        Bytes -= GroupOverhead + group.Name.Length;
        return true;
    }

    /// <summary>The accounted size with the groups' consumers and pending entries, which change outside this class.</summary>
    public long Size => Bytes + Groups.Values.Sum(g => (long)g.Pending.Count * PendingOverhead + g.Consumers.Count * PendingOverhead);
}
