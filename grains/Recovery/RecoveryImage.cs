using DataTier.Model;
using DataTier.Store;
using DataTier.Streams;
using DataTier.Tables;

namespace DataTier.Recovery;

/// <summary>
/// The table as it was at a moment, rebuilt from the base image and the partitions' recovery logs. Each
/// log is read from its start and applied up to its first record after the moment (a prefix, so an item's
/// changes are never applied out of order even if a silo's clock stepped back), parents before the
/// children of their splits, whose records all come later.
/// </summary>
public static class RecoveryImage
{
    private const int PageSize = 1000;
    private const int WritesPerBatch = 100;

    /// <summary>Writes the table's items as they were at <paramref name="pointMs"/> under <paramref name="targetId"/>, which must be empty.</summary>
    public static async Task MaterializeAsync(ITableStore store, TableDescription table, long pointMs, Guid targetId)
    {
        await store.CopyAsync(RecoveryLog.BaseTableOf(table.Id), targetId);
        foreach (var partition in table.Partitions.AllIds)
            await ApplyPrefixAsync(store, table, RecoveryLog.NameOf(partition), pointMs, targetId);
    }

    /// <summary>
    /// Moves every log record written before <paramref name="horizonMs"/> into the base image and trims it
    /// from its log. Restores to any moment from the horizon on are unchanged by it.
    /// </summary>
    public static async Task FoldAsync(ITableStore store, TableDescription table, long horizonMs)
    {
        var baseId = RecoveryLog.BaseTableOf(table.Id);
        foreach (var partition in table.Partitions.AllIds)
        {
            var log = RecoveryLog.NameOf(partition);
            var next = await ApplyPrefixAsync(store, table, log, horizonMs - 1, baseId);
            if (next > 0) await store.TrimChangesAsync(table.Id, log, next);
        }
    }

    /// <summary>Removes every log record and the base image: recovery was disabled, or is enabled afresh.</summary>
    public static async Task DropAsync(ITableStore store, TableDescription table)
    {
        foreach (var partition in table.Partitions.AllIds)
            await store.TrimChangesAsync(table.Id, RecoveryLog.NameOf(partition), long.MaxValue);
        await store.DeleteTableDataAsync(RecoveryLog.BaseTableOf(table.Id));
    }

    /// <summary>Applies a log's records up to its first record after <paramref name="untilMs"/>; returns the sequence after the last one applied (0 if none).</summary>
    private static async Task<long> ApplyPrefixAsync(ITableStore store, TableDescription table, string log, long untilMs, Guid targetId)
    {
        long next = 0;
        while (true)
        {
            var changes = await store.ReadChangesAsync(table.Id, log, next, PageSize);
            // The last image of each item in this page: only it needs writing.
            var latest = new Dictionary<string, (byte[] Position, IReadOnlyDictionary<string, AttrValue>? Image)>(StringComparer.Ordinal);
            var ended = changes.Count < PageSize;
            foreach (var change in changes)
            {
                var record = StreamRecordCodec.Decode(change.Sequence, change.Payload);
                if (record.CreatedMs > untilMs)
                {
                    ended = true;
                    break;
                }
                var position = ItemValidator.ItemKeyOf(table.KeySchema, record.Keys).Encode();
                latest[Convert.ToBase64String(position)] = (position, record.NewImage);
                next = change.Sequence + 1;
            }
            await WriteImagesAsync(store, targetId, latest.Values);
            if (ended) return next;
        }
    }

    private static async Task WriteImagesAsync(ITableStore store, Guid targetId, IEnumerable<(byte[] Position, IReadOnlyDictionary<string, AttrValue>? Image)> images)
    {
        foreach (var chunk in images.Chunk(WritesPerBatch))
        {
            var writes = new List<ItemWrite>(chunk.Length);
            foreach (var (position, image) in chunk)
            {
                var current = await store.GetAsync(targetId, position);
                if (current is null && image is null) continue;
                var version = current?.Version ?? 0;
                writes.Add(new ItemWrite(position, version, image is null ? 0 : version + 1, image));
            }
            if (writes.Count > 0) await store.WriteAsync(targetId, writes);
        }
    }
}
