using DataTier.Keys;
using RocksDbSharp;

namespace DataTier.Store;

/// <summary>The embedded default store: one RocksDB database with the write-ahead log on.</summary>
public sealed class RocksDbTableStore : ITableStore, IDisposable
{
    private readonly RocksDb _db;
    private readonly WriteOptions _writeOptions;
    private readonly KeyStripes _stripes = new(256);
    private readonly WrittenVersions _versions;
    private static readonly WriteOptions SyncOptions = new WriteOptions().SetSync(true);
    private readonly object _catalogLock = new();

    public RocksDbTableStore(RocksDbStoreOptions options)
    {
        Directory.CreateDirectory(options.Path);
        // Writers that find the write queue busy would otherwise spin for up to 100 µs; on a small
        // machine that spinning takes the CPU the request path needs (measured: about a fifth of it).
        var dbOptions = new DbOptions()
            .SetCreateIfMissing(true)
            .SetEnableWriteThreadAdaptiveYield(false);
        _db = RocksDb.Open(dbOptions, options.Path);
        _writeOptions = new WriteOptions().SetSync(options.SyncWrites);
        _versions = new WrittenVersions(options.WrittenVersions);
    }

    public ValueTask<StoredItem?> GetAsync(Guid tableId, byte[] position)
    {
        var value = _db.Get(StoreLayout.ItemKey(tableId, position));
        return ValueTask.FromResult(value is null ? null : StoreLayout.DecodeValue(position, value));
    }

    public ValueTask<IReadOnlyList<StoredItem>> ReadRangeAsync(Guid tableId, KeyRange range, bool reverse, int limit) =>
        ValueTask.FromResult(ReadPrefixed(StoreLayout.TablePrefix(tableId), range, reverse, limit));

    public ValueTask<IReadOnlyList<StoredItem>> ReadIndexRangeAsync(Guid tableId, string index, KeyRange range, bool reverse, int limit) =>
        ValueTask.FromResult(ReadPrefixed(StoreLayout.IndexPrefix(tableId, index), range, reverse, limit));

    /// <summary>
    /// The options of every iterator: bounds are checked here rather than set on the options, because RocksDbSharp's
    /// ReadOptions cannot be disposed, and one made per read left its native memory to the finalizer thread (measured:
    /// about a tenth of a busy silo's samples under a write load that read before each write).
    /// </summary>
    private static readonly ReadOptions IteratorOptions = new();

    /// <summary>The bounds of <paramref name="range"/> among the keys under <paramref name="prefix"/>.</summary>
    private static (byte[] Lower, byte[] ExclusiveUpper) Bounds(byte[] prefix, KeyRange range)
    {
        var lower = range.Start is null ? prefix : [.. prefix, .. range.Start];
        var upper = range.End is null ? StoreLayout.End(prefix) : [.. prefix, .. range.End];
        // Keys at or above this are past the range (an inclusive end takes the keys it prefixes too, as an entry's position extends it).
        return (lower, range.End is null ? upper : KeyBytes.PrefixSuccessor(upper) ?? StoreLayout.End(prefix));
    }

    public ValueTask<(long Count, long Bytes)> CountAsync(Guid tableId, KeyRange range, string? index = null)
    {
        var prefix = index is null ? StoreLayout.TablePrefix(tableId) : StoreLayout.IndexPrefix(tableId, index);
        var (lower, exclusiveUpper) = Bounds(prefix, range);
        long count = 0, bytes = 0;
        using var it = _db.NewIterator(readOptions: IteratorOptions);
        for (it.Seek(lower); it.Valid(); it.Next())
        {
            // Spans over RocksDB's own memory: nothing is copied or decoded per item.
            var key = it.GetKeySpan();
            if (key.SequenceCompareTo(exclusiveUpper) >= 0) break;
            if (!range.Contains(key[prefix.Length..])) continue;
            count++;
            bytes += Model.EncodedItemSize.Of(it.GetValueSpan()[8..]);
        }
        return ValueTask.FromResult((count, bytes));
    }

    private IReadOnlyList<StoredItem> ReadPrefixed(byte[] prefix, KeyRange range, bool reverse, int limit)
    {
        var (lower, exclusiveUpper) = Bounds(prefix, range);
        var result = new List<StoredItem>();
        using var it = _db.NewIterator(readOptions: IteratorOptions);
        if (reverse)
        {
            it.SeekForPrev(exclusiveUpper);
            if (it.Valid() && it.Key().AsSpan().SequenceEqual(exclusiveUpper)) it.Prev();
        }
        else
        {
            it.Seek(lower);
        }
        for (; it.Valid() && result.Count < limit; _ = reverse ? it.Prev() : it.Next())
        {
            var key = it.Key();
            if (reverse ? key.AsSpan().SequenceCompareTo(lower) < 0 : key.AsSpan().SequenceCompareTo(exclusiveUpper) >= 0) break;
            var position = key.AsSpan(prefix.Length);
            if (!range.Contains(position)) continue;
            result.Add(StoreLayout.DecodeValue(position.ToArray(), it.Value()));
        }
        return result;
    }

    public ValueTask<StoredItem?> GetIndexEntryAsync(Guid tableId, string index, byte[] position)
    {
        var value = _db.Get(StoreLayout.IndexEntryKey(StoreLayout.IndexPrefix(tableId, index), position));
        return ValueTask.FromResult(value is null ? null : StoreLayout.DecodeValue(position, value));
    }

    public ValueTask WriteAsync(Guid tableId, IReadOnlyList<ItemWrite> writes, IReadOnlyList<ChangeRecord>? changes = null,
        IReadOnlyList<IndexEntryWrite>? indexEntries = null)
    {
        var stripes = _stripes.StripesOf(writes);
        _stripes.Enter(stripes);
        try
        {
            using var batch = new WriteBatch();
            var keys = new byte[writes.Count][];
            for (var i = 0; i < writes.Count; i++)
            {
                var w = writes[i];
                var key = keys[i] = StoreLayout.ItemKey(tableId, w.Position);
                var actual = StoredVersion(key);
                if (actual != w.ExpectedVersion) throw new VersionConflictException(w.Position, w.ExpectedVersion, actual);
                if (w.Attributes is null) batch.Delete(key);
                else PutItem(batch, key, w.NewVersion, w.Attributes);
            }
            if (changes is not null)
                foreach (var c in changes) batch.Put(StoreLayout.ChangeKey(tableId, c.Log, c.Sequence), c.Payload);
            if (indexEntries is not null)
                foreach (var e in indexEntries)
                {
                    var key = StoreLayout.IndexEntryKey(StoreLayout.IndexPrefix(tableId, e.Index), e.Position);
                    if (e.Attributes is null) batch.Delete(key);
                    else PutItem(batch, key, e.Version, e.Attributes);
                }
            try
            {
                _db.Write(batch, _writeOptions);
            }
            catch
            {
                // Whether a failed batch landed is not known: those keys are read from the database again.
                foreach (var key in keys) _versions.Remove(key);
                throw;
            }
            for (var i = 0; i < writes.Count; i++) _versions.Set(keys[i], writes[i].Attributes is null ? 0 : writes[i].NewVersion);
        }
        finally
        {
            _stripes.Exit(stripes);
        }
        return ValueTask.CompletedTask;
    }

    private static void PutItem(WriteBatch batch, byte[] key, long version, IReadOnlyDictionary<string, Model.AttrValue> attributes) =>
        StoreLayout.WithEncodedValue(version, attributes, (batch, key), static (value, s) => s.batch.Put(s.key, value));

    private long StoredVersion(byte[] key) =>
        _versions.TryGet(key, out var version) ? version : StoreLayout.VersionOf(_db.Get(key));

    public ValueTask<IReadOnlyList<ChangeRecord>> ReadChangesAsync(Guid tableId, string log, long fromSequence, int limit)
    {
        var start = StoreLayout.ChangeKey(tableId, log, fromSequence);
        var end = StoreLayout.ChangeKey(tableId, log, long.MaxValue);
        var result = new List<ChangeRecord>();
        using var it = _db.NewIterator(readOptions: IteratorOptions);
        for (it.Seek(start); it.Valid() && result.Count < limit; it.Next())
        {
            var key = it.Key();
            if (key.AsSpan().SequenceCompareTo(end) >= 0) break;
            result.Add(new ChangeRecord(log, StoreLayout.SequenceOf(key), it.Value()));
        }
        return ValueTask.FromResult<IReadOnlyList<ChangeRecord>>(result);
    }

    public ValueTask<long> LastChangeSequenceAsync(Guid tableId, string log)
    {
        var first = StoreLayout.ChangeKey(tableId, log, 0);
        using var it = _db.NewIterator(readOptions: IteratorOptions);
        // The log's keys end in a big-endian sequence below long.MaxValue, which no record has.
        it.SeekForPrev(StoreLayout.ChangeKey(tableId, log, long.MaxValue));
        return ValueTask.FromResult(it.Valid() && it.Key().AsSpan().SequenceCompareTo(first) >= 0 ? StoreLayout.SequenceOf(it.Key()) : 0L);
    }

    public ValueTask TrimChangesAsync(Guid tableId, string log, long beforeSequence)
    {
        var start = StoreLayout.ChangeKey(tableId, log, 0);
        var end = StoreLayout.ChangeKey(tableId, log, beforeSequence);
        using var batch = new WriteBatch();
        batch.DeleteRange(start, (ulong)start.Length, end, (ulong)end.Length);
        _db.Write(batch, _writeOptions);
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteTableDataAsync(Guid tableId)
    {
        // Under every stripe: no write's version entry may outlive the items it describes.
        _stripes.EnterAll();
        try
        {
            using var batch = new WriteBatch();
            foreach (var prefix in new[] { StoreLayout.TablePrefix(tableId), StoreLayout.ChangePrefix(tableId), StoreLayout.IndexTablePrefix(tableId) })
            {
                var end = StoreLayout.End(prefix);
                batch.DeleteRange(prefix, (ulong)prefix.Length, end, (ulong)end.Length);
            }
            _db.Write(batch, _writeOptions);
            _versions.Clear();
        }
        finally
        {
            _stripes.ExitAll();
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyDictionary<string, byte[]>> ReadCatalogAsync()
    {
        var prefix = StoreLayout.CatalogPrefix();
        var result = new Dictionary<string, byte[]>();
        var end = StoreLayout.End(prefix);
        using var it = _db.NewIterator(readOptions: IteratorOptions);
        for (it.Seek(prefix); it.Valid() && it.Key().AsSpan().SequenceCompareTo(end) < 0; it.Next()) result[StoreLayout.CatalogNameOf(it.Key())] = it.Value();
        return ValueTask.FromResult<IReadOnlyDictionary<string, byte[]>>(result);
    }

    public ValueTask PutCatalogEntryAsync(string name, byte[]? value)
    {
        // Catalog changes are rare and must survive power loss, so they are always synced.
        var sync = SyncOptions;
        lock (_catalogLock)
        {
            var key = StoreLayout.CatalogKey(name);
            if (value is null) _db.Remove(key, writeOptions: sync);
            else _db.Put(key, value, writeOptions: sync);
        }
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _db.Dispose();
}
