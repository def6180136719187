using DataTier.Errors;
using DataTier.Indexes;
using DataTier.Keys;
using DataTier.Model;
using DataTier.Store;
using DataTier.Streams;
using DataTier.Tables;

namespace DataTier.Partitions;

/// <summary>
/// Secondary indexes in the partition (DESIGN.md, decision 6). Local index entries are written in the
/// same atomic store batch as their item, so an item and its entries never disagree; the size of each
/// item collection (a partition key's items plus their local index entries) is kept and limited.
/// Global indexes are fed from an internal change log, also written in the item's batch, by
/// <see cref="IIndexFeederGrain"/>s that this partition prompts when it has written records.
/// </summary>
public sealed partial class PartitionGrain
{
    private readonly Dictionary<string, long> _collections = new(StringComparer.Ordinal);
    private const int MaxTrackedCollections = 10_000;
    private AppendedLog? _feedLog;
    private long _feedPrompted;
    private IGrainTimer? _feedTimer;

    public async Task<PartitionStats> GetIndexStats(string index)
    {
        var table = EnsureServing();
        return await CountStoredAsync(table, index);
    }

    /// <summary>The local index entry writes of replacing <paramref name="old"/> (as stored) with <paramref name="updated"/>; null without local indexes.</summary>
    private static List<IndexEntryWrite>? LocalIndexEntries(TableDescription table, IReadOnlyDictionary<string, AttrValue>? old,
        IReadOnlyDictionary<string, AttrValue>? updated, long newVersion)
    {
        if (table.LocalIndexes.Count == 0) return null;
        var entries = new List<IndexEntryWrite>();
        foreach (var index in table.LocalIndexes)
        {
            var oldKey = old is null ? null : IndexKeys.EntryKey(table.KeySchema, index.KeySchema, true, old)?.Encode();
            var newKey = updated is null ? null : IndexKeys.EntryKey(table.KeySchema, index.KeySchema, true, updated)?.Encode();
            if (oldKey is not null && (newKey is null || !oldKey.AsSpan().SequenceEqual(newKey)))
                entries.Add(new IndexEntryWrite(index.Name, oldKey, 0, null));
            if (newKey is not null)
                entries.Add(new IndexEntryWrite(index.Name, newKey, newVersion, IndexKeys.Project(table.KeySchema, index.KeySchema, index.Projection, updated!)));
        }
        return entries;
    }

    /// <summary>Bytes an item and its local index entries add to its item collection.</summary>
    private static long CollectionShare(TableDescription table, IReadOnlyDictionary<string, AttrValue>? item)
    {
        if (item is null) return 0;
        long size = ItemSize.Of(item);
        foreach (var index in table.LocalIndexes)
            if (IndexKeys.EntryKey(table.KeySchema, index.KeySchema, true, item) is not null)
                size += ItemSize.Of(IndexKeys.Project(table.KeySchema, index.KeySchema, index.Projection, item));
        return size;
    }

    /// <summary>
    /// The size the item collection of <paramref name="key"/> has after the write; throws
    /// ItemCollectionSizeLimitExceededException if a write that grows it would pass the limit.
    /// </summary>
    private async ValueTask<long> CheckCollectionAsync(TableDescription table, ItemKey key,
        IReadOnlyDictionary<string, AttrValue>? old, IReadOnlyDictionary<string, AttrValue>? updated)
    {
        var current = await CollectionBytesAsync(table, key);
        var delta = CollectionShare(table, updated) - CollectionShare(table, old);
        if (delta > 0 && current + delta > indexOptions.Value.ItemCollectionSizeLimitBytes)
            throw new DynamoException(DynamoErrorCode.ItemCollectionSizeLimitExceededException, "Item collection size limit exceeded");
        return current + delta;
    }

    private async ValueTask<long> CollectionBytesAsync(TableDescription table, ItemKey key)
    {
        var id = Convert.ToBase64String(key.PartitionKey);
        if (_collections.TryGetValue(id, out var known)) return known;
        var prefix = ItemKey.EncodePartitionPrefix(key.Hash, key.PartitionKey);
        var all = new KeyRange(prefix, true, KeyBytes.PrefixSuccessor(prefix), false);
        long size = 0;
        foreach (var index in table.LocalIndexes.Select(i => i.Name).Prepend(null))
            await foreach (var batch in store.PagesAsync(table.Id, all, 1024, index))
                size += batch.Sum(i => (long)ItemSize.Of(i.Attributes));
        if (_collections.Count >= MaxTrackedCollections) _collections.Clear();
        return _collections[id] = size;
    }

    /// <summary>Keeps a tracked item collection's size up to a write the store has taken.</summary>
    private void TrackCollection(byte[] position, VersionedItem? old, IReadOnlyDictionary<string, AttrValue>? updated)
    {
        if (_table is not { LocalIndexes.Count: > 0 } table || _collections.Count == 0) return;
        var id = Convert.ToBase64String(ItemKey.Decode(position).PartitionKey);
        if (_collections.TryGetValue(id, out var size))
            _collections[id] = size + CollectionShare(table, updated) - CollectionShare(table, old?.Attributes);
    }

    /// <summary>Whether writes to the table store change records: for the user's stream, for global indexes or read replicas, for point-in-time recovery, or for other regions.</summary>
    private static bool LogsChanges(TableDescription table) =>
        table.StreamViewType is not null || FeedsInternalLog(table) || table.Recovery is not null || table.RegionReplicas.Count > 0;

    /// <summary>The write units a write costs each global secondary index it writes to (none: null), by index name.</summary>
    private static Dictionary<string, double>? GlobalIndexWriteUnits(TableDescription table, IReadOnlyDictionary<string, AttrValue>? old,
        IReadOnlyDictionary<string, AttrValue>? updated) =>
        IndexCosts(table.GlobalIndexes, table, old, updated, static (t, index, o, u) => IndexWriteUnits.Of(t, index, o, u), static index => index.Name);

    /// <summary>The write units a write costs each local secondary index it writes to (none: null), by index name.</summary>
    private static Dictionary<string, double>? LocalIndexWriteUnits(TableDescription table, IReadOnlyDictionary<string, AttrValue>? old,
        IReadOnlyDictionary<string, AttrValue>? updated) =>
        IndexCosts(table.LocalIndexes, table, old, updated, static (t, index, o, u) => IndexWriteUnits.Of(t, index, o, u), static index => index.Name);

    /// <summary>What a write costs all the table's secondary indexes, global and local, in write units.</summary>
    private static double IndexWriteCost(TableDescription table, IReadOnlyDictionary<string, AttrValue>? old, IReadOnlyDictionary<string, AttrValue>? updated) =>
        (GlobalIndexWriteUnits(table, old, updated)?.Values.Sum() ?? 0) + (LocalIndexWriteUnits(table, old, updated)?.Values.Sum() ?? 0);

    // The write's items are passed through to static lambdas, so that no closure is made on every write.
    private static Dictionary<string, double>? IndexCosts<TIndex>(IReadOnlyList<TIndex> indexes, TableDescription table,
        IReadOnlyDictionary<string, AttrValue>? old, IReadOnlyDictionary<string, AttrValue>? updated,
        Func<TableDescription, TIndex, IReadOnlyDictionary<string, AttrValue>?, IReadOnlyDictionary<string, AttrValue>?, double> cost,
        Func<TIndex, string> name)
    {
        Dictionary<string, double>? units = null;
        foreach (var index in indexes)
            if (cost(table, index, old, updated) is > 0 and var spent)
                (units ??= new Dictionary<string, double>(StringComparer.Ordinal))[name(index)] = spent;
        return units;
    }

    /// <summary>Global indexes and read replicas follow the partition's internal change log.</summary>
    private static bool FeedsInternalLog(TableDescription table) => table.GlobalIndexes.Count > 0 || table.ReplicaCount > 0;

    /// <summary>The internal change log, opened on first use in this activation (then nothing written before counts as unprompted).</summary>
    private async ValueTask<AppendedLog> FeedLogAsync(TableDescription table)
    {
        if (_feedLog is { Opened: true } opened) return opened;
        var log = await (_feedLog = new AppendedLog(IndexFeedLog.NameOf(_partition))).OpenAsync(store, table.Id);
        _feedPrompted = log.Last;
        return log;
    }

    /// <summary>
    /// Adds the internal records that feed global indexes and read replicas to the batch's change
    /// records, with the item's new version; with replicas, also for a write that left the item as it was.
    /// </summary>
    private async ValueTask<List<ChangeRecord>?> AppendFeedRecordsAsync(TableDescription table,
        IEnumerable<ItemChange> changes,
        List<ChangeRecord>? records, long nowMs)
    {
        if (!FeedsInternalLog(table)) return records;
        var log = await FeedLogAsync(table);
        foreach (var change in changes)
        {
            var record = StreamRecord.For(table.KeySchema, StreamViewType.NEW_AND_OLD_IMAGES, change.Old, change.New, log.Next, nowMs,
                change.ByService, keepUnchanged: table.ReplicaCount > 0);
            if (record is null) continue;
            (records ??= []).Add(log.Append(StreamRecordCodec.Encode(record with { ItemVersion = change.Version })));
        }
        return records;
    }

    /// <summary>While global indexes or replicas follow the log, prompt them now and whenever records were written since.</summary>
    private void ScheduleFeeds(TableDescription table)
    {
        if (!FeedsInternalLog(table))
        {
            _feedTimer?.Dispose();
            _feedTimer = null;
            return;
        }
        PromptFeeders(table);
        if (_feedTimer is not null) return;
        var interval = indexOptions.Value.FeedInterval;
        _feedTimer = this.RegisterGrainTimer(async _ =>
        {
            if (_table is not { } current) return;
            if (_feedLog is { Opened: true } log && log.Last > _feedPrompted) PromptFeeders(current);
            await TrimReplicaLogAsync(current);
        }, interval, interval);
    }

    private void PromptFeeders(TableDescription table)
    {
        _feedPrompted = _feedLog?.Last ?? 0;
        foreach (var index in table.GlobalIndexes)
            GrainFactory.GetGrain<IIndexFeederGrain>(IndexFeedLog.FeederKey(table.Id, _partition, index.IndexTableId)).Poke().Ignore();
        PromptReplicas(table, _feedPrompted);
    }
}
