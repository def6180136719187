using DataTier.Catalog;
using DataTier.Configuration;
using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Model;
using DataTier.Store;
using DataTier.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Partitions;

[Placement.ConsistentHashPlacement]
public sealed partial class PartitionGrain(
    ITableStore store,
    IOptions<PartitionOptions> options,
    IOptions<TransactionOptions> transactionOptions,
    IOptions<TimeToLiveOptions> ttlOptions,
    IOptions<StreamOptions> streamOptions,
    IOptions<IndexOptions> indexOptions,
    IOptions<GlobalTablesOptions> globalTablesOptions,
    LocalPartitions local,
    Throughput.LocalThroughput throughput,
    TimeProvider time,
    ILogger<PartitionGrain> logger)
    : Grain, IPartitionGrain, IGrainMigrationParticipant
{
    private const string CacheKey = "cache";
    private const string StatsKey = "stats";
    private const string FencedKey = "fenced";
    private bool _migratedFence;
    private List<CachedEntry>? _migratedCache;
    private const int MaxConflictRetries = 3;
    private ItemCache _cache = null!;
    private PartitionReadView _view = null!;
    private TableDescription? _table;
    /// <summary>The partition's stable id in the map (<see cref="PartitionMap.IdAt"/>).</summary>
    private int _partition;
    private ulong _firstHash;
    private ulong _lastHash;
    private PartitionStats? _stats;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/');
        var tableId = Guid.ParseExact(key[..slash], "N");
        _partition = int.Parse(key[(slash + 1)..]);
        _table = await GrainFactory.GetGrain<ITableCatalogGrain>(0).DescribeById(tableId);
        // An id the map does not know belongs to another incarnation of the table: act as if it were gone.
        if (_table?.Partitions.RangeOf(_partition) is not { } range) _table = null;
        else if (_table.Partitions.IsRetired(_partition)) _retired = true;
        else
        {
            (_firstHash, _lastHash) = range;
            await LoadLocksAsync(_table);
            ScheduleSweeps(_table);
            ScheduleFeeds(_table);
            ScheduleShipping(_table);
            ScheduleSplitChecks();
            if (_migratedFence) await Fence();
        }
        _cache = new ItemCache(options.Value.CacheBytesPerPartition);
        if (_migratedCache is not null) _cache.Import(_migratedCache);
        else if (_table is not null && !_retired && _table.Partitions.ParentOf(_partition) is { } parent) await TakeParentItemsAsync(_table, parent);
        _migratedCache = null;
        _view = new PartitionReadView(_cache, _firstHash, _lastHash, time);
        if (options.Value.DirectWrites) _view.Writer = this;
        ScheduleLocalUseChecks();
        PublishView();
        if (_table is not null) local.AddView(_table.Id, _partition, _view);
        local.Add(this.GetGrainId(), this.AsReference<IPartitionGrain>());
        local.TrackStats(this.GetGrainId(), () => _table is { } t && _stats is { } s ? new LocalPartitionStats(t.Name, _partition, s) : null);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await CloseDirectWritesAsync();
        local.Remove(this.GetGrainId());
        _view.Table = null;
        _view.Throughput = null;
        if (_table is not null)
        {
            local.RemoveView(_table.Id, _partition, _view);
            throughput.Untrack(_table.Id, _partition);
        }
    }

    public Task<int> GetCachedCount() => Task.FromResult(_cache.Count);

    public Task Rebalance(SiloAddress? target = null)
    {
        // Migration places the grain with the request context of this call, where the director finds the hint.
        if (target is not null) RequestContext.Set(Orleans.Runtime.Placement.IPlacementDirector.PlacementHintKey, target);
        MigrateOnIdle();
        return Task.CompletedTask;
    }

    public void OnDehydrate(IDehydrationContext context)
    {
        // A fence travels with the grain: a split under way must not find its parent serving elsewhere.
        if (_fenced) context.TryAddValue(FencedKey, true);
        context.TryAddValue(CacheKey, _cache.Export());
        if (_stats is not null) context.TryAddValue(StatsKey, _stats);
    }

    public void OnRehydrate(IRehydrationContext context)
    {
        if (context.TryGetValue<List<CachedEntry>>(CacheKey, out var entries)) _migratedCache = entries;
        if (context.TryGetValue<PartitionStats>(StatsKey, out var stats)) _stats = stats;
        if (context.TryGetValue<bool>(FencedKey, out var fenced) && fenced) _migratedFence = true;
    }

    public Task<VersionedItem?> Get(ItemKey key)
    {
        var table = EnsureOwned(key.Hash);
        // The common case, no transaction under way and the item in memory, is answered (and counted) as
        // the silo's endpoints answer it, without a state machine.
        if (_view.TryGet(key, out var item, consistent: true)) return Task.FromResult(item);
        _view.Throughput?.AdmitRead();
        _view.CountRead();
        return GetAsync(table, key.Encode());
    }

    private async Task<VersionedItem?> GetAsync(TableDescription table, byte[] position)
    {
        if (_locks.Count > 0) await SettleLockAsync(position);
        var item = Visible(table, await ReadCommittedAsync(table, position));
        _view.CountReadUnits(item?.Size ?? 0, consistent: true);
        return item;
    }

    /// <summary>The item as last committed, from memory or the store; locks are not consulted.</summary>
    private async ValueTask<VersionedItem?> ReadCommittedAsync(TableDescription table, byte[] position)
    {
        if (_cache.TryGet(position, out var cached)) return cached;
        var stored = await store.GetAsync(table.Id, position);
        var item = stored is null ? null : new VersionedItem(stored.Version, stored.Attributes);
        _cache.Set(position, item, item?.Size ?? 0);
        return item;
    }

    public Task<WriteOutcome> Put(PutCommand command) =>
        Write(command.Key, command.Condition, command.ExpectedVersion, command.ReturnOldOnConditionFailure, command.Returned,
            (VersionedItem? _, out int size) => { size = -1; return command.Item; });

    public Task<WriteOutcome> Delete(DeleteCommand command) =>
        Write(command.Key, command.Condition, command.ExpectedVersion, command.ReturnOldOnConditionFailure, command.Returned,
            (VersionedItem? _, out int size) => { size = -1; return null; });

    public Task<WriteOutcome> Update(UpdateCommand command) =>
        Write(command.Key, command.Condition, command.ExpectedVersion, command.ReturnOldOnConditionFailure, command.Returned,
            (VersionedItem? current, out int size) =>
            {
                var before = current?.Attributes ?? command.KeyAttributes;
                var updated = UpdateApplier.Apply(before, command.Actions, itemExists: current is not null, Indexes.IndexKeyValidator.KeyTypes(EnsureTable()));
                size = ItemValidator.ValidateUpdated(EnsureTable().KeySchema, before, current?.Size ?? ItemSize.Of(before), updated, command.Actions);
                Indexes.IndexKeyValidator.Validate(EnsureTable(), updated, updated: true);
                return updated;
            });

    /// <summary>
    /// The item a write leaves (null to delete), given the visible item before it; <paramref name="size"/> is
    /// its size when the producer has counted it, else -1.
    /// </summary>
    private delegate IReadOnlyDictionary<string, AttrValue>? ItemProducer(VersionedItem? current, out int size);

    public async Task<RangePage> ReadRange(RangeRequest request)
    {
        var table = EnsureServing();
        _view.Throughput?.AdmitRead();
        _view.CountRead();
        var range = ClampToPartition(request.Range);
        if (_locks.Count > 0) await SettleLocksInAsync(range);
        var page = new RangePageBuilder(request);
        var cursor = range;
        RangePage Page(bool exhausted)
        {
            var built = page.Build(exhausted);
            _view.CountReadUnits(built.ScannedBytes, request.Consistent);
            return built;
        }
        while (true)
        {
            var batchLimit = Math.Min(page.Remaining, 256);
            var batch = request.Index is null
                ? await store.ReadRangeAsync(table.Id, cursor, request.Reverse, batchLimit)
                : await store.ReadIndexRangeAsync(table.Id, request.Index, cursor, request.Reverse, batchLimit);
            foreach (var stored in batch)
            {
                var source = new VersionedItem(stored.Version, stored.Attributes);
                if (request.FetchItems)
                {
                    var position = ItemValidator.ItemKeyOf(table.KeySchema, stored.Attributes).Encode();
                    source = Visible(table, await ReadCommittedAsync(table, position));
                }
                if (source is null || (table.TimeToLiveAttribute is not null && IsExpired(table, source.Attributes)))
                {
                    page.Skip(stored.Position);
                    continue;
                }
                if (!page.TryAdd(stored.Position, source, stored.Attributes) || page.Full) return Page(false);
            }
            if (batch.Count < batchLimit) return Page(true);
            cursor = request.Reverse
                ? cursor with { End = page.LastPosition, EndInclusive = false }
                : cursor with { Start = page.LastPosition, StartInclusive = false };
        }
    }

    public async Task<PartitionStats> GetStats()
    {
        var table = EnsureServing();
        return _stats ??= await CountStoredAsync(table, index: null);
    }

    /// <summary>The items of this partition (or the entries of one of its local indexes) as the store holds them: how many, how large.</summary>
    private async Task<PartitionStats> CountStoredAsync(TableDescription table, string? index)
    {
        var (count, bytes) = await store.CountAsync(table.Id, ClampToPartition(KeyRange.All), index);
        return new PartitionStats(count, bytes);
    }

    public async Task Drop()
    {
        if (_table is not null) await DropReplicasAsync(_table);
        _cache.Clear();
        ForgetLocks();
        if (_table is not null) throughput.Untrack(_table.Id, _partition);
        _view.Throughput = null;
        _table = null;
        PublishView();
        DeactivateOnIdle();
    }

    private async Task<WriteOutcome> Write(ItemKey key, Condition? condition, long? expectedVersion, bool returnOldOnFailure,
        ReturnedItems returned, ItemProducer produce)
    {
        var table = EnsureOwned(key.Hash);
        _view.Throughput?.AdmitWrite();
        var position = key.Encode();
        if (_locks.Count > 0 && !await SettleLockAsync(position)) throw DynamoException.TransactionConflict();
        for (var attempt = 0; ; attempt++)
        {
            var stored = await ReadCommittedAsync(table, position);
            var current = Visible(table, stored);
            var holds = (condition is null || ConditionEvaluator.Evaluate(condition, current?.Attributes))
                && (expectedVersion is null || expectedVersion == (current?.Version ?? 0));
            if (!holds)
            {
                // A failed condition still costs the write's units, as in DynamoDB.
                ChargeWrite(current?.Size ?? 0);
                throw DynamoException.ConditionFailed(returnOldOnFailure ? current?.Attributes : null);
            }
            var newItem = produce(current, out var newSize);
            var currentVersion = stored?.Version ?? 0;
            var newVersion = newItem is null ? 0 : currentVersion + 1;
            if (newItem is null && stored is null) return new WriteOutcome(0, null);
            if (newItem is not null && (table.LocalIndexes.Count > 0 || table.GlobalIndexes.Count > 0)) Indexes.IndexKeyValidator.Validate(table, newItem);
            var indexUnits = GlobalIndexWriteUnits(table, stored?.Attributes, newItem);
            if (indexUnits is not null) _view.Throughput?.AdmitIndexWrites(indexUnits);
            long? collection = null;
            try
            {
                if (table.LocalIndexes.Count > 0) collection = await CheckCollectionAsync(table, key, stored?.Attributes, newItem);
                var changes = !LogsChanges(table) ? ChangeBatch.None : await ChangeRecordsAsync(table, Transitions(table, stored?.Attributes, newItem, newVersion));
                await store.WriteAsync(table.Id, [new ItemWrite(position, currentVersion, newVersion, newItem)], changes.Records,
                    changes.EntriesWith(LocalIndexEntries(table, stored?.Attributes, newItem, newVersion)));
                await PublishAsync(table, changes);
            }
            catch (VersionConflictException) when (attempt < MaxConflictRetries)
            {
                // Another activation wrote this item (a membership change left two for a moment): reload and re-check.
                _cache.Invalidate(position);
                continue;
            }
            catch
            {
                _cache.Invalidate(position);
                throw;
            }
            var written = RecordWritten(position, stored, newItem, newVersion, newSize);
            var localUnits = LocalIndexWriteUnits(table, stored?.Attributes, newItem);
            ChargeWrite(Math.Max(current?.Size ?? 0, written?.Size ?? 0), localUnits);
            if (indexUnits is not null) _view.Throughput?.ChargeIndexWrites(indexUnits);
            return new WriteOutcome(newVersion,
                (returned & ReturnedItems.Old) != 0 ? current?.Attributes : null,
                (returned & ReturnedItems.New) != 0 ? newItem : null,
                collection, Math.Max(current?.Size ?? 0, written?.Size ?? 0), indexUnits, localUnits);
        }
    }

    /// <summary>Brings memory (cache and statistics) up to a write the store has taken.</summary>
    private VersionedItem? RecordWritten(byte[] position, VersionedItem? old, IReadOnlyDictionary<string, AttrValue>? newItem, long newVersion,
        int knownSize = -1)
    {
        var written = newItem is null ? null : new VersionedItem(newVersion, newItem, knownSize);
        var oldSize = old?.Size ?? 0;
        var newSize = written?.Size ?? 0;
        lock (_counters)
        {
            CountWrite(Math.Max(oldSize, newSize));
            RecordDelete(old, newItem);
            TrackCollection(position, old, newItem);
            if (_stats is not null)
            {
                _stats = new PartitionStats(_stats.ItemCount + (newItem is null ? 0 : 1) - (old is null ? 0 : 1), _stats.SizeBytes + newSize - oldSize);
            }
        }
        _cache.Set(position, written, newSize);
        return written;
    }

    /// <summary>Tells the read view whether this partition serves, under which description, and whether transactions hold locks.</summary>
    private void PublishView()
    {
        if (_view is null) return;
        _view.Table = Serving ? _table : null;
        _view.LocksHeld = _locks.Count > 0;
        if (_table is not null) _view.Throughput = throughput.Track(_table.Id, _partition, _firstHash, _lastHash, _view.Table);
    }

    private TableDescription EnsureTable() => _table ?? throw DynamoException.TableNotFound();

    private TableDescription EnsureOwned(ulong hash)
    {
        var table = EnsureServing();
        if (hash < _firstHash || hash > _lastHash)
            throw new InvalidOperationException($"Hash {hash:X16} is outside partition {_partition} of table {table.Name}");
        return table;
    }

    private KeyRange ClampToPartition(KeyRange range) => PartitionRange.Clamp(range, _firstHash, _lastHash);
}
