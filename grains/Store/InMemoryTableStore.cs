using DataTier.Keys;

namespace DataTier.Store;

/// <summary>A store held in memory, for unit tests only: it has the same semantics as the durable stores but keeps nothing.</summary>
public sealed class InMemoryTableStore : ITableStore
{
    private static readonly Comparer<byte[]> ByteOrder = Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b));
    private readonly SortedDictionary<byte[], byte[]> _data = new(ByteOrder);
    private readonly object _lock = new();

    public ValueTask<StoredItem?> GetAsync(Guid tableId, byte[] position)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_data.TryGetValue(StoreLayout.ItemKey(tableId, position), out var v)
                ? StoreLayout.DecodeValue(position, v) : null);
        }
    }

    public ValueTask<IReadOnlyList<StoredItem>> ReadRangeAsync(Guid tableId, KeyRange range, bool reverse, int limit) =>
        ValueTask.FromResult(ReadPrefixed(StoreLayout.TablePrefix(tableId), range, reverse, limit));

    public ValueTask<IReadOnlyList<StoredItem>> ReadIndexRangeAsync(Guid tableId, string index, KeyRange range, bool reverse, int limit) =>
        ValueTask.FromResult(ReadPrefixed(StoreLayout.IndexPrefix(tableId, index), range, reverse, limit));

    private IReadOnlyList<StoredItem> ReadPrefixed(byte[] prefix, KeyRange range, bool reverse, int limit)
    {
        var end = StoreLayout.End(prefix);
        lock (_lock)
        {
            IEnumerable<KeyValuePair<byte[], byte[]>> rows = _data
                .Where(kv => kv.Key.AsSpan().SequenceCompareTo(prefix) >= 0 && kv.Key.AsSpan().SequenceCompareTo(end) < 0);
            if (reverse) rows = rows.Reverse();
            var result = new List<StoredItem>();
            foreach (var (key, value) in rows)
            {
                if (result.Count >= limit) break;
                var position = key.AsSpan(prefix.Length);
                if (range.Contains(position)) result.Add(StoreLayout.DecodeValue(position.ToArray(), value));
            }
            return result;
        }
    }

    public ValueTask WriteAsync(Guid tableId, IReadOnlyList<ItemWrite> writes, IReadOnlyList<ChangeRecord>? changes = null,
        IReadOnlyList<IndexEntryWrite>? indexEntries = null)
    {
        lock (_lock)
        {
            foreach (var w in writes)
            {
                var actual = _data.TryGetValue(StoreLayout.ItemKey(tableId, w.Position), out var v) ? StoreLayout.VersionOf(v) : 0;
                if (actual != w.ExpectedVersion) throw new VersionConflictException(w.Position, w.ExpectedVersion, actual);
            }
            foreach (var w in writes)
            {
                var key = StoreLayout.ItemKey(tableId, w.Position);
                if (w.Attributes is null) _data.Remove(key);
                else _data[key] = StoreLayout.EncodeValue(w.NewVersion, w.Attributes);
            }
            if (changes is not null)
                foreach (var c in changes) _data[StoreLayout.ChangeKey(tableId, c.Log, c.Sequence)] = c.Payload;
            if (indexEntries is not null)
                foreach (var e in indexEntries)
                {
                    var key = StoreLayout.IndexEntryKey(StoreLayout.IndexPrefix(tableId, e.Index), e.Position);
                    if (e.Attributes is null) _data.Remove(key);
                    else _data[key] = StoreLayout.EncodeValue(e.Version, e.Attributes);
                }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<ChangeRecord>> ReadChangesAsync(Guid tableId, string log, long fromSequence, int limit)
    {
        var start = StoreLayout.ChangeKey(tableId, log, fromSequence);
        var end = StoreLayout.ChangeKey(tableId, log, long.MaxValue);
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<ChangeRecord>>(_data
                .Where(kv => kv.Key.AsSpan().SequenceCompareTo(start) >= 0 && kv.Key.AsSpan().SequenceCompareTo(end) < 0)
                .Take(limit)
                .Select(kv => new ChangeRecord(log, StoreLayout.SequenceOf(kv.Key), kv.Value))
                .ToList());
        }
    }

    public ValueTask<long> LastChangeSequenceAsync(Guid tableId, string log)
    {
        var start = StoreLayout.ChangeKey(tableId, log, 0);
        var end = StoreLayout.ChangeKey(tableId, log, long.MaxValue);
        lock (_lock)
        {
            var last = _data.Keys.LastOrDefault(k => k.AsSpan().SequenceCompareTo(start) >= 0 && k.AsSpan().SequenceCompareTo(end) < 0);
            return ValueTask.FromResult(last is null ? 0L : StoreLayout.SequenceOf(last));
        }
    }

    public ValueTask TrimChangesAsync(Guid tableId, string log, long beforeSequence)
    {
        var start = StoreLayout.ChangeKey(tableId, log, 0);
        var end = StoreLayout.ChangeKey(tableId, log, beforeSequence);
        lock (_lock)
        {
            foreach (var key in _data.Keys.Where(k => k.AsSpan().SequenceCompareTo(start) >= 0 && k.AsSpan().SequenceCompareTo(end) < 0).ToList())
                _data.Remove(key);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteTableDataAsync(Guid tableId)
    {
        lock (_lock)
        {
            foreach (var prefix in new[] { StoreLayout.TablePrefix(tableId), StoreLayout.ChangePrefix(tableId), StoreLayout.IndexTablePrefix(tableId) })
                foreach (var key in _data.Keys.Where(k => k.AsSpan().StartsWith(prefix)).ToList()) _data.Remove(key);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyDictionary<string, byte[]>> ReadCatalogAsync()
    {
        var prefix = StoreLayout.CatalogPrefix();
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyDictionary<string, byte[]>>(_data
                .Where(kv => kv.Key.AsSpan().StartsWith(prefix))
                .ToDictionary(kv => StoreLayout.CatalogNameOf(kv.Key), kv => kv.Value));
        }
    }

    public ValueTask PutCatalogEntryAsync(string name, byte[]? value)
    {
        lock (_lock)
        {
            if (value is null) _data.Remove(StoreLayout.CatalogKey(name));
            else _data[StoreLayout.CatalogKey(name)] = value;
        }
        return ValueTask.CompletedTask;
    }
}
