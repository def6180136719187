using System.Text;
using DataTier.Catalog;
using DataTier.Configuration;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Store;
using DataTier.Streams;
using DataTier.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Indexes;

/// <summary>
/// Feeds one global secondary index from one base partition (see <see cref="IIndexFeederGrain"/>). Its
/// state (the next sequence to apply, whether the backfill is done and how far it got) is an item in
/// the store under a reserved table id per index table, written after each batch: a replay after a
/// crash applies some records twice, which converges, because applying a record puts the entry of the
/// new image and removes that of the old one.
/// </summary>
public sealed partial class IndexFeederGrain(ITableStore store, IOptions<IndexOptions> options, IndexLagMetrics lag, ILogger<IndexFeederGrain> logger)
    : Grain, IIndexFeederGrain
{
    private Guid _tableId;
    private int _partition;
    private Guid _indexTableId;
    private byte[] _stateKey = [];
    private LogCheckpoint _state = null!;
    private bool _parentDrained;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = this.GetPrimaryKeyString().Split('/');
        _tableId = Guid.ParseExact(parts[0], "N");
        _partition = int.Parse(parts[1]);
        _indexTableId = Guid.ParseExact(parts[2], "N");
        _stateKey = Encoding.UTF8.GetBytes($"{_tableId:N}/{_partition}");
        _state = new LogCheckpoint(store, IndexFeedLog.StateTableOf(_indexTableId), _stateKey);
        await _state.LoadAsync();
        this.RegisterGrainTimer(FeedOnTimerAsync, new GrainTimerCreationOptions(options.Value.FeedInterval * 20, options.Value.FeedInterval * 20) { KeepAlive = true });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        lag.Forget(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task Poke() => await FeedAsync();

    public Task<long> Drain() => FeedAsync();

    private async Task FeedOnTimerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FeedAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFeedFailed(logger, this.GetPrimaryKeyString(), e);
        }
    }

    private async Task<long> FeedAsync()
    {
        var catalog = GrainFactory.GetGrain<ITableCatalogGrain>(0);
        var table = await catalog.DescribeById(_tableId);
        var index = table?.GlobalIndexes.FirstOrDefault(i => i.IndexTableId == _indexTableId);
        var indexTable = index is null ? null : await catalog.DescribeById(_indexTableId);
        if (table is null || index is null || indexTable is null)
        {
            DeactivateOnIdle();
            return _state.Next;
        }
        var target = new Target(table, index, indexTable, GrainFactory);
        if (!await ParentDrainedAsync(table)) return _state.Next - 1;
        if (!_state.Backfilled) await BackfillAsync(target);
        var log = IndexFeedLog.NameOf(_partition);
        while (true)
        {
            var batch = await store.ReadChangesAsync(table.Id, log, _state.Next, options.Value.RecordsPerCheckpoint);
            if (batch.Count == 0)
            {
                lag.CaughtUp(this.GetPrimaryKeyString(), table.Name, index.Name);
                return _state.Next - 1;
            }
            // a full batch may not be all there is: then the log's end says how far behind this is
            var last = batch.Count < options.Value.RecordsPerCheckpoint ? batch[^1].Sequence : await store.LastChangeSequenceAsync(table.Id, log);
            foreach (var change in batch)
            {
                var record = StreamRecordCodec.Decode(change.Sequence, change.Payload);
                lag.Pending(this.GetPrimaryKeyString(), table.Name, index.Name, last - change.Sequence + 1, record.CreatedMs);
                await target.ApplyAsync(record.OldImage, record.NewImage);
                lag.Applied(table.Name, index.Name, record.CreatedMs);
            }
            await _state.SaveAsync(batch[^1].Sequence + 1, true, null);
            await TrimAsync(table);
            if (batch.Count < options.Value.RecordsPerCheckpoint)
            {
                lag.CaughtUp(this.GetPrimaryKeyString(), table.Name, index.Name);
                return _state.Next - 1;
            }
        }
    }

    /// <summary>
    /// Copies the partition's items into the index. The records written from the moment the base
    /// partitions knew of the index on are replayed afterwards, so writes during the copy are not lost.
    /// </summary>
    private async Task BackfillAsync(Target target)
    {
        var table = target.Table;
        if (!_state.Started)
        {
            if (!target.Index.Backfilling)
            {
                // Created with the table: there was nothing to copy, and the log holds every write.
                await _state.SaveAsync(0, true, null);
                return;
            }
            if (table.Partitions.ParentOf(_partition) is not null)
            {
                // A split's child: its parent's feeder copied the whole range, and this log holds every write since.
                await _state.SaveAsync(0, true, null);
                await GrainFactory.GetGrain<ITableCatalogGrain>(0).IndexPartitionBackfilled(table.Name, _indexTableId, _partition);
                return;
            }
            await _state.SaveAsync(await store.LastChangeSequenceAsync(table.Id, IndexFeedLog.NameOf(_partition)) + 1, false, null);
        }
        var (first, last) = table.Partitions.RangeOf(_partition) ?? throw new InvalidOperationException($"Table {table.Name} has no partition {_partition}");
        var range = new KeyRange(ItemKey.EncodeHash(first), true, last == ulong.MaxValue ? null : ItemKey.EncodeHash(last + 1), false);
        while (true)
        {
            var cursor = _state.Cursor is null ? range : range with { Start = _state.Cursor, StartInclusive = false };
            var batch = await store.ReadRangeAsync(table.Id, cursor, false, options.Value.RecordsPerCheckpoint);
            foreach (var item in batch) await target.ApplyAsync(null, item.Attributes);
            if (batch.Count < options.Value.RecordsPerCheckpoint) break;
            await _state.SaveAsync(_state.Next, false, batch[^1].Position);
        }
        await _state.SaveAsync(_state.Next, true, null);
        LogBackfilled(logger, target.Index.Name, table.Name, _partition);
        await GrainFactory.GetGrain<ITableCatalogGrain>(0).IndexPartitionBackfilled(table.Name, _indexTableId, _partition);
    }

    /// <summary>
    /// A split's child applies its records only after its parent's feeder has applied all of the parent's
    /// (closed) log, so each index entry sees an item's changes in order across the split. The parent's
    /// feeder waits for its own parent in turn.
    /// </summary>
    private async ValueTask<bool> ParentDrainedAsync(TableDescription table)
    {
        if (_parentDrained || table.Partitions.ParentOf(_partition) is not { } parent) return true;
        var fed = await GrainFactory.GetGrain<IIndexFeederGrain>(IndexFeedLog.FeederKey(table.Id, parent, _indexTableId)).Drain();
        var end = await store.LastChangeSequenceAsync(table.Id, IndexFeedLog.NameOf(parent));
        return _parentDrained = Math.Max(fed, 0) >= end;
    }

    /// <summary>Removes records every feeder of the partition has applied, keeping the newest so sequence numbers keep growing.</summary>
    private async Task TrimAsync(TableDescription table)
    {
        if (_state.Next % (options.Value.RecordsPerCheckpoint * 4L) >= options.Value.RecordsPerCheckpoint) return;
        var lowest = _state.Next;
        foreach (var index in table.GlobalIndexes)
        {
            lowest = Math.Min(lowest, await LogCheckpoint.NextOfAsync(store, IndexFeedLog.StateTableOf(index.IndexTableId), _stateKey));
        }
        if (lowest > 1) await store.TrimChangesAsync(table.Id, IndexFeedLog.NameOf(_partition), lowest - 1);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feeder {Feeder} could not feed its global secondary index; retried at the next prompt")]
    private static partial void LogFeedFailed(ILogger logger, string feeder, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfilled global secondary index {Index} of table {Table} from partition {Partition}")]
    private static partial void LogBackfilled(ILogger logger, string index, string table, int partition);

    /// <summary>Applies one change of a base item to the index table.</summary>
    private sealed record Target(TableDescription Table, GlobalSecondaryIndex Index, TableDescription IndexTable, IGrainFactory Grains)
    {
        public async Task ApplyAsync(IReadOnlyDictionary<string, AttrValue>? old, IReadOnlyDictionary<string, AttrValue>? updated)
        {
            var oldKey = old is null ? null : IndexKeys.EntryKey(Table.KeySchema, Index.KeySchema, false, old);
            var newKey = updated is null ? null : IndexKeys.EntryKey(Table.KeySchema, Index.KeySchema, false, updated);
            if (oldKey is { } o && (newKey is not { } n || !o.Encode().AsSpan().SequenceEqual(n.Encode())))
                await PartitionOf(o.Hash).Delete(new DeleteCommand(o, null, null, false));
            if (newKey is { } key)
                await PartitionOf(key.Hash).Put(new PutCommand(key, IndexKeys.Project(Table.KeySchema, Index.KeySchema, Index.Projection, updated!), null, null, false));
        }

        private IPartitionGrain PartitionOf(ulong hash) =>
            Grains.GetGrain<IPartitionGrain>(IndexTable.PartitionGrainKey(IndexTable.Partitions.IdOf(hash)));
    }
}
