using DataTier.Configuration;
using DataTier.Model;
using DataTier.Store;
using DataTier.Streams;
using DataTier.Tables;

namespace DataTier.Partitions;

/// <summary>
/// The partition's change log (DESIGN.md, decision 5): when the table has a stream, every write that
/// changes an item stores its record in the same atomic batch as the item, with the next sequence
/// number of this partition's shard. Writes of one partition are serialized by the grain, so the
/// records of each item are in the order of its changes.
/// </summary>
public sealed partial class PartitionGrain
{
    private string? _streamLog;

    private Orleans.Streams.IAsyncStream<ChangeNotification>? _changeStream;
    private long _nextSequence;

    public async Task<StreamBatch> ReadStream(string streamLabel, long fromSequence, int limit)
    {
        var table = EnsureTable();
        var horizon = time.GetUtcNow().ToUnixTimeMilliseconds() - (long)streamOptions.Value.RetentionPeriod.TotalMilliseconds;
        var records = new List<StreamRecord>();
        var next = fromSequence;
        var changes = await store.ReadChangesAsync(table.Id, StreamLog.NameOf(streamLabel, _partition), fromSequence, limit);
        foreach (var change in changes)
        {
            var record = StreamRecordCodec.Decode(change.Sequence, change.Payload);
            if (record.CreatedMs >= horizon) records.Add(record);
            next = change.Sequence + 1;
        }
        // A split partition's shard is closed: nothing is appended once its log has been read to the end.
        return new StreamBatch(records, next, _retired && changes.Count < limit);
    }

    /// <summary>Tells the shard's Orleans stream about records just stored; a failure here loses nothing (consumers read the log).</summary>
    private async Task PublishAsync(TableDescription table, ChangeBatch changes)
    {
        // Only the user's stream is announced; the internal records of global indexes are read by their feeders.
        var last = changes.LastStreamSequence;
        if (last == 0 || table.LatestStreamLabel is null) return;
        try
        {
            _changeStream ??= this.GetStreamProvider(ChangeStreams.ProviderName).GetStream<ChangeNotification>(ChangeStreams.IdOf(table.Id, _partition));
            await _changeStream.OnNextAsync(new ChangeNotification(table.LatestStreamLabel, last));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPublishFailed(logger, this.GetPrimaryKeyString(), e);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Partition {Partition} could not publish stream records on its Orleans stream; consumers catch up from the change log")]
    private static partial void LogPublishFailed(Microsoft.Extensions.Logging.ILogger logger, string partition, Exception exception);

    public Task UpdateDescription(TableDescription table)
    {
        if (_table is null || table.Id != _table.Id) return Task.CompletedTask;
        NotifyReplicas(_table, table);
        _table = table;
        PublishView();
        if (table.Partitions.IsRetired(_partition))
        {
            if (!_retired) Retire();
            return Task.CompletedTask;
        }
        _collections.Clear();
        ScheduleSweeps(table);
        ScheduleFeeds(table);
        ScheduleShipping(table);
        return Task.CompletedTask;
    }

    /// <summary>
    /// What writes about to be stored add to their batch: the change records (the user's stream's, those feeding global
    /// indexes and replicas, point-in-time recovery's and, unless <paramref name="replicated"/> from another region,
    /// global tables' with the items' stamps).
    /// </summary>
    private async ValueTask<ChangeBatch> ChangeRecordsAsync(TableDescription table, IEnumerable<ItemChange> changes, bool replicated = false)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var list = changes as IReadOnlyCollection<ItemChange> ?? changes.ToList();
        var (records, lastStreamed) = await StreamChangeRecordsAsync(table, list, now);
        records = await AppendFeedRecordsAsync(table, list, records, now);
        records = await AppendRecoveryRecordsAsync(table, list, records, now);
        if (replicated) return new ChangeBatch(records, null, lastStreamed);
        var (all, stamps) = await AppendReplicationRecordsAsync(table, list, records, now);
        return new ChangeBatch(all, stamps, lastStreamed);
    }

    /// <summary>The user's stream's records of the changes, and the sequence of the last of them (0 when none).</summary>
    private async ValueTask<(List<ChangeRecord>? Records, long Last)> StreamChangeRecordsAsync(TableDescription table,
        IEnumerable<ItemChange> changes, long now)
    {
        if (table.StreamViewType is not { } view || table.LatestStreamLabel is null) return (null, 0);
        var log = StreamLog.NameOf(table.LatestStreamLabel, _partition);
        if (_streamLog != log)
        {
            // A child's shard numbers on from its ancestors' (closed) shards, so an item's records sort the same across a split.
            var last = await store.LastChangeSequenceAsync(table.Id, log);
            for (var ancestor = table.Partitions.ParentOf(_partition); ancestor is { } id; ancestor = table.Partitions.ParentOf(id))
                last = Math.Max(last, await store.LastChangeSequenceAsync(table.Id, StreamLog.NameOf(table.LatestStreamLabel, id)));
            _nextSequence = last + 1;
            _streamLog = log;
        }
        List<ChangeRecord>? records = null;
        long lastRecord = 0;
        foreach (var change in changes)
        {
            var record = StreamRecord.For(table.KeySchema, view, change.Old, change.New, _nextSequence, now, change.ByService);
            if (record is null) continue;
            (records ??= []).Add(new ChangeRecord(log, _nextSequence++, StreamRecordCodec.Encode(record)));
            lastRecord = record.SequenceNumber;
        }
        return (records, lastRecord);
    }
}
