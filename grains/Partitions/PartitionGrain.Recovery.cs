using DataTier.Recovery;
using DataTier.Store;
using DataTier.Streams;
using DataTier.Tables;

namespace DataTier.Partitions;

/// <summary>
/// Point-in-time recovery's log (<see cref="RecoveryLog"/>): while the table has recovery enabled, every
/// write that changes an item stores the item's new image (none for a deletion) in the same atomic batch
/// as the item. Enabling it seeds the log with the items already there, a page per grain turn.
/// </summary>
public sealed partial class PartitionGrain
{
    private AppendedLog? _recoveryLog;

    public async Task<RecoverySeedPage> SeedRecoveryLog(byte[]? after, int limit)
    {
        var table = EnsureServing();
        var now = time.GetUtcNow();
        if (table.Recovery is null) return new RecoverySeedPage(null, now);
        var range = ClampToPartition(KeyRange.All);
        if (after is not null) range = range with { Start = after, StartInclusive = false };
        var items = await store.ReadRangeAsync(table.Id, range, false, limit);
        var log = await RecoveryLogAsync(table);
        var nowMs = now.ToUnixTimeMilliseconds();
        var records = new List<ChangeRecord>(items.Count);
        foreach (var item in items)
        {
            var record = StreamRecord.For(table.KeySchema, StreamViewType.NEW_IMAGE, null, item.Attributes, log.Next, nowMs)!;
            records.Add(log.Append(StreamRecordCodec.Encode(record)));
        }
        if (records.Count > 0) await store.WriteAsync(table.Id, [], records);
        return new RecoverySeedPage(items.Count < limit ? null : items[^1].Position, now);
    }

    private async ValueTask<List<ChangeRecord>?> AppendRecoveryRecordsAsync(TableDescription table, IEnumerable<ItemChange> changes,
        List<ChangeRecord>? records, long nowMs)
    {
        if (table.Recovery is null) return records;
        var log = await RecoveryLogAsync(table);
        foreach (var change in changes)
        {
            var record = StreamRecord.For(table.KeySchema, StreamViewType.NEW_IMAGE, change.Old, change.New, log.Next, nowMs, change.ByService);
            if (record is null) continue;
            (records ??= []).Add(log.Append(StreamRecordCodec.Encode(record)));
        }
        return records;
    }

    private ValueTask<AppendedLog> RecoveryLogAsync(TableDescription table) =>
        (_recoveryLog ??= new AppendedLog(RecoveryLog.NameOf(_partition))).OpenAsync(store, table.Id);
}
