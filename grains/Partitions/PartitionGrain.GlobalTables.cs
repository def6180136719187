using DataTier.GlobalTables;
using DataTier.Model;
using DataTier.Store;
using DataTier.Streams;
using DataTier.Tables;

namespace DataTier.Partitions;

/// <summary>
/// Global tables in the partition. While the table has replicas in other regions, every write made here gets a
/// stamp (<see cref="ReplicationStamp"/>: later than the item's last, this region's name) kept beside the item,
/// and a record in the replication log, both in the item's atomic batch; <see cref="IReplicaShipperGrain"/>s send
/// the log to each region. Writes from other regions are applied when their stamp is newer than the item's
/// (last writer wins), with stream, index and recovery records but no replication record, so nothing echoes.
/// </summary>
public sealed partial class PartitionGrain
{
    private AppendedLog? _replicationLog;
    private long _shipPrompted;
    private IGrainTimer? _shipTimer;
    private IGrainTimer? _tombstoneTimer;

    private static bool Replicates(TableDescription table) => table.RegionReplicas.Count > 0;

    /// <summary>The records of global tables' replication log, appended to <paramref name="records"/>, and the items' new stamps.</summary>
    private async ValueTask<(List<ChangeRecord>? Records, List<IndexEntryWrite>? Stamps)> AppendReplicationRecordsAsync(TableDescription table,
        IReadOnlyCollection<ItemChange> changes, List<ChangeRecord>? records, long nowMs)
    {
        if (!Replicates(table)) return (records, null);
        List<IndexEntryWrite>? stamps = null;
        var log = await ReplicationLogAsync(table);
        var region = globalTablesOptions.Value.Region;
        Dictionary<string, long>? stampedInBatch = null;
        foreach (var change in changes)
        {
            var position = ItemValidator.ItemKeyOf(table.KeySchema, (change.New ?? change.Old)!).Encode();
            var id = Convert.ToBase64String(position);
            // An expired item's removal and its replacement share a batch: the second must be later than the first.
            var last = stampedInBatch is not null && stampedInBatch.TryGetValue(id, out var inBatch) ? inBatch
                : (await ReadStampAsync(table, position))?.Time ?? 0;
            var stamp = new ReplicationStamp(Math.Max(nowMs, last + 1), region, change.New is null);
            var record = StreamRecord.For(table.KeySchema, StreamViewType.NEW_IMAGE, change.Old, change.New, log.Next, stamp.Time, change.ByService);
            if (record is null) continue;
            (stampedInBatch ??= [])[id] = stamp.Time;
            (records ??= []).Add(log.Append(StreamRecordCodec.Encode(record)));
            (stamps ??= []).Add(new IndexEntryWrite(ReplicationLog.StampIndex, position, change.Version, stamp.ToAttributes()));
        }
        return (records, stamps);
    }

    private async ValueTask<ReplicationStamp?> ReadStampAsync(TableDescription table, byte[] position)
    {
        var found = await store.GetIndexEntryAsync(table.Id, ReplicationLog.StampIndex, position);
        return found is null ? null : ReplicationStamp.From(found.Attributes);
    }

    public async Task<int> ApplyReplicated(IReadOnlyList<ReplicatedWrite> writes)
    {
        var applied = 0;
        foreach (var write in writes)
            if (await ApplyReplicatedAsync(write)) applied++;
        return applied;
    }

    private async Task<bool> ApplyReplicatedAsync(ReplicatedWrite write)
    {
        var table = EnsureTable();
        var key = ItemValidator.ItemKeyOf(table.KeySchema, write.Keys);
        EnsureOwned(key.Hash);
        var position = key.Encode();
        if (_locks.Count > 0 && !await SettleLockAsync(position)) throw Errors.DynamoException.TransactionConflict();
        var stamp = write.Stamp;
        if (await ReadStampAsync(table, position) is { } current && !stamp.IsNewerThan(current)) return false;
        var stampEntry = new IndexEntryWrite(ReplicationLog.StampIndex, position, 0, stamp.ToAttributes());
        for (var attempt = 0; ; attempt++)
        {
            var stored = await ReadCommittedAsync(table, position);
            var newVersion = write.Item is null ? 0 : (stored?.Version ?? 0) + 1;
            var changes = ChangeBatch.None;
            try
            {
                var itemWrites = write.Item is null && stored is null ? [] : new[] { new ItemWrite(position, stored?.Version ?? 0, newVersion, write.Item) };
                if (itemWrites.Length > 0 && LogsChanges(table))
                    changes = await ChangeRecordsAsync(table, Transitions(table, stored?.Attributes, write.Item, newVersion), replicated: true);
                var entries = LocalIndexEntries(table, stored?.Attributes, write.Item, newVersion) ?? [];
                entries.Add(stampEntry with { Version = newVersion });
                await store.WriteAsync(table.Id, itemWrites, changes.Records, entries);
                if (itemWrites.Length == 0) return true;
                await PublishAsync(table, changes);
            }
            catch (VersionConflictException) when (attempt < MaxConflictRetries)
            {
                _cache.Invalidate(position);
                continue;
            }
            catch
            {
                _cache.Invalidate(position);
                throw;
            }
            RecordWritten(position, stored, write.Item, newVersion);
            return true;
        }
    }

    public async Task<long?> OpenReplicationLog(string region)
    {
        var table = EnsureTable();
        // The catalog may have added the region moments ago and not reached this partition yet.
        if (table.RegionReplicas.All(r => r.RegionName != region)
            && await GrainFactory.GetGrain<Catalog.ITableCatalogGrain>(0).DescribeById(table.Id) is { } latest)
            await UpdateDescription(latest);
        table = EnsureServing();
        if (table.RegionReplicas.All(r => r.RegionName != region)) return null;
        return (await ReplicationLogAsync(table)).Last;
    }

    public async Task<ReplicationPage> ReadReplicationPage(byte[]? after, int limit)
    {
        var table = EnsureServing();
        var range = ClampToPartition(KeyRange.All);
        if (after is not null) range = range with { Start = after, StartInclusive = false };
        var items = await store.ReadRangeAsync(table.Id, range, false, limit);
        var writes = new List<ReplicatedWrite>(items.Count);
        var region = globalTablesOptions.Value.Region;
        foreach (var item in items)
        {
            // An item written before the table had replicas has no stamp: any write stamped since is later.
            var stamp = await ReadStampAsync(table, item.Position);
            var keys = ItemValidator.KeyAttributes(table.KeySchema).ToDictionary(k => k.Name, k => item.Attributes[k.Name], StringComparer.Ordinal);
            writes.Add(new ReplicatedWrite(keys, item.Attributes, stamp?.Time ?? 1, stamp?.Region ?? region));
        }
        return new ReplicationPage(writes, items.Count < limit ? null : items[^1].Position);
    }

    private ValueTask<AppendedLog> ReplicationLogAsync(TableDescription table) =>
        (_replicationLog ??= new AppendedLog(ReplicationLog.NameOf(_partition))).OpenAsync(store, table.Id);

    /// <summary>While the table has replicas elsewhere, prompt their shippers now and whenever writes were logged since, and sweep old tombstones.</summary>
    private void ScheduleShipping(TableDescription table)
    {
        if (!Replicates(table))
        {
            _shipTimer?.Dispose();
            _shipTimer = null;
            _tombstoneTimer?.Dispose();
            _tombstoneTimer = null;
            return;
        }
        var sweep = globalTablesOptions.Value.TombstoneSweepInterval;
        _tombstoneTimer ??= this.RegisterGrainTimer(SweepTombstonesAsync, sweep, sweep);
        PromptShippers(table);
        if (_shipTimer is not null) return;
        var interval = globalTablesOptions.Value.ShipInterval;
        _shipTimer = this.RegisterGrainTimer(_ =>
        {
            if (_table is { } current && _replicationLog is { Opened: true } log && log.Last > _shipPrompted) PromptShippers(current);
            return Task.CompletedTask;
        }, interval, interval);
    }

    /// <summary>Removes the stamps of deleted items older than <c>GlobalTables:TombstoneRetention</c>, a page at a time, in one grain turn.</summary>
    private async Task SweepTombstonesAsync(CancellationToken cancellationToken)
    {
        if (_table is not { } table || !Serving || !Replicates(table)) return;
        var horizon = time.GetUtcNow().ToUnixTimeMilliseconds() - (long)globalTablesOptions.Value.TombstoneRetention.TotalMilliseconds;
        var range = ClampToPartition(KeyRange.All);
        while (true)
        {
            var page = await store.ReadIndexRangeAsync(table.Id, ReplicationLog.StampIndex, range, false, 256);
            var expired = page.Where(e => ReplicationStamp.From(e.Attributes) is { Deleted: true } stamp && stamp.Time < horizon)
                .Select(e => new IndexEntryWrite(ReplicationLog.StampIndex, e.Position, 0, null)).ToList();
            if (expired.Count > 0) await store.WriteAsync(table.Id, [], null, expired);
            if (page.Count < 256) return;
            range = range with { Start = page[^1].Position, StartInclusive = false };
        }
    }

    private void PromptShippers(TableDescription table)
    {
        _shipPrompted = _replicationLog?.Last ?? 0;
        foreach (var replica in table.RegionReplicas)
            GrainFactory.GetGrain<IReplicaShipperGrain>(ReplicationLog.ShipperKey(table.Id, _partition, replica.RegionName)).Poke().Ignore();
    }
}
