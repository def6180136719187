using DataTier.Catalog;
using DataTier.Configuration;
using DataTier.Errors;
using DataTier.Indexes;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Store;
using DataTier.Streams;
using DataTier.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Replicas;

/// <summary>
/// A read replica of one partition (see <see cref="IPartitionReplicaGrain"/>). It starts by asking the
/// owner to log every change from now on and for the log's head, copies the partition's items from the
/// store, then applies the log from that head, and serves reads only once it has applied the log to its
/// end after the copy, so no item it serves ever goes back to an older state. Items that do not fit
/// its memory are read from the store, after which it serves nothing older than the log's head at that read.
/// </summary>
[Placement.ReplicaPlacement]
public sealed partial class PartitionReplicaGrain(
    ITableStore store,
    IOptions<PartitionOptions> options,
    IOptions<IndexOptions> indexOptions,
    LocalPartitions local,
    ReplicaMetrics metrics,
    TimeProvider time,
    ILogger<PartitionReplicaGrain> logger)
    : Grain, IPartitionReplicaGrain, IGrainMigrationParticipant
{
    private const int RecordsPerRead = 256;
    private const int ItemsPerRead = 1024;
    private const int TicksPerDescriptionRefresh = 5;
    private const string StateKey = "replica";

    private string _partitionKey = "";
    private int _replica;
    private int _partition;
    private Guid _tableId;
    private TableDescription? _table;
    private ReplicaItems _items = null!;
    private ReplicaLag? _lag;
    private MigratedReplica? _migrated;

    /// <summary>False while the table has fewer replicas than this one's number: reads then go to the owner.</summary>
    private bool _wanted;
    private long _applied;
    private long _knownHead;
    private long _newestAppliedMs;

    /// <summary>The log head at the latest read served from the store or the owner: memory must reach it before serving again.</summary>
    private long _servedFloor;
    private long _reads;
    private long _bootstraps;
    private int _ticks;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_partitionKey, _replica) = PartitionReplicaKey.Parse(this.GetPrimaryKeyString());
        var slash = _partitionKey.IndexOf('/');
        _tableId = Guid.ParseExact(_partitionKey[..slash], "N");
        _partition = int.Parse(_partitionKey[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        _items = new ReplicaItems(options.Value.ReplicaBytesPerPartition);
        _table = await GrainFactory.GetGrain<ITableCatalogGrain>(0).DescribeById(_tableId);
        if (_table is null) return;
        _lag = new ReplicaLag(_table.Name);
        if (_migrated is { } migrated)
        {
            _items.Import(migrated.Items, migrated.Complete);
            (_applied, _knownHead, _newestAppliedMs, _wanted) = (migrated.Applied, migrated.KnownHead, migrated.NewestAppliedMs, true);
            _migrated = null;
        }
        else
        {
            await StartAsync();
        }
        var (ringKey, rank) = PartitionReplicaKey.RingPlace(GrainFactory, this.GetPrimaryKeyString());
        local.Add(new LocalRingGrain(this.GetGrainId(), this.AsReference<IPartitionReplicaGrain>(), ringKey, rank));
        metrics.Register(this.GetGrainId(), _lag);
        var poll = indexOptions.Value.FeedInterval * 20;
        this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(poll, poll) { KeepAlive = true });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        local.Remove(this.GetGrainId());
        metrics.Unregister(this.GetGrainId());
        return Task.CompletedTask;
    }

    public async Task<VersionedItem?> Get(ItemKey key)
    {
        var table = EnsureTable();
        if (table.Partitions.IdOf(key.Hash) != _partition)
            throw new InvalidOperationException($"Hash {key.Hash:X16} is outside partition {_partition} of table {table.Name}");
        _reads++;
        if (!_wanted) return await Owner.Get(key);
        if (_applied < _servedFloor) await FeedAsync();
        var position = key.Encode();
        if (_items.TryGet(position, out var item)) return Visible(table, item);
        var stored = await store.GetAsync(table.Id, position);
        await RaiseFloorAsync(table);
        return Visible(table, stored is null ? null : new VersionedItem(stored.Version, stored.Attributes));
    }

    public async Task<RangePage> ReadRange(RangeRequest request)
    {
        var table = EnsureTable();
        _reads++;
        if (!_wanted) return await Owner.ReadRange(request);
        if (request.Index is not null || !_items.Complete)
        {
            // Local index entries are not kept here, nor every item once memory ran out: the owner answers.
            var page = await Owner.ReadRange(request);
            await RaiseFloorAsync(table);
            return page;
        }
        if (_applied < _servedFloor) await FeedAsync();
        var builder = new RangePageBuilder(request);
        foreach (var (position, item) in _items.Range(ClampToPartition(table, request.Range), request.Reverse))
        {
            if (Visible(table, item) is null)
            {
                builder.Skip(position);
                continue;
            }
            if (!builder.TryAdd(position, item, item.Attributes) || builder.Full) return builder.Build(false);
        }
        return builder.Build(true);
    }

    public Task<long> GetReadCount() => Task.FromResult(_reads);

    public async Task Poke(long head)
    {
        if (head > _knownHead) _knownHead = head;
        await FeedOrLogAsync();
    }

    public async Task<long> CatchUp()
    {
        EnsureTable();
        if (_wanted) await FeedAsync();
        return _applied;
    }

    public async Task UpdateDescription(TableDescription table)
    {
        if (table.Id != _tableId) return;
        if (_replica > table.ReplicaCount)
        {
            await Drop();
            return;
        }
        var wasWanted = _wanted && _table is not null;
        _table = table;
        if (!wasWanted) await StartAsync();
    }

    public Task Drop()
    {
        _items.Clear();
        _table = null;
        _wanted = false;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<ReplicaStatus> GetStatus() => Task.FromResult(new ReplicaStatus(_applied, _knownHead, _items.Count, _items.Complete, _bootstraps));

    public Task Rebalance(SiloAddress? target = null)
    {
        if (target is not null) RequestContext.Set(Orleans.Runtime.Placement.IPlacementDirector.PlacementHintKey, target);
        MigrateOnIdle();
        return Task.CompletedTask;
    }

    public void OnDehydrate(IDehydrationContext context)
    {
        if (_table is not null && _wanted)
            context.TryAddValue(StateKey, new MigratedReplica(_items.Export(), _items.Complete, _applied, _knownHead, _newestAppliedMs));
    }

    public void OnRehydrate(IRehydrationContext context)
    {
        if (context.TryGetValue<MigratedReplica>(StateKey, out var migrated)) _migrated = migrated;
    }

    private IPartitionGrain Owner => GrainFactory.GetGrain<IPartitionGrain>(_partitionKey);

    private string Log => IndexFeedLog.NameOf(_partition);

    private TableDescription EnsureTable() => _table ?? throw DynamoException.TableNotFound();

    private VersionedItem? Visible(TableDescription table, VersionedItem? item) =>
        item is not null && ItemExpiry.IsExpired(table.TimeToLiveAttribute, item.Attributes, time.GetUtcNow().ToUnixTimeSeconds()) ? null : item;

    /// <summary>
    /// Joins the owner's feed and copies the partition: its items from the store, then the log from the
    /// head the owner gave, up to the log's end. Items written during the copy may be read newer than
    /// the records replayed after it; they are right again once the replay passes the copy's end, and no
    /// read is served in between (one grain turn).
    /// </summary>
    private async Task StartAsync()
    {
        var table = EnsureTable();
        var head = await Owner.OpenReplicaFeed(_replica);
        _items.Clear();
        _wanted = head is not null;
        if (head is null) return;
        await foreach (var batch in store.PagesAsync(table.Id, ClampToPartition(table, KeyRange.All), ItemsPerRead))
        {
            foreach (var stored in batch) _items.Set(stored.Position, new VersionedItem(stored.Version, stored.Attributes));
            if (!_items.Complete) break;
        }
        _applied = head.Value;
        _knownHead = Math.Max(_knownHead, _applied);
        _newestAppliedMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        _servedFloor = 0;
        _bootstraps++;
        LogStarted(logger, this.GetPrimaryKeyString(), _items.Count, _items.Complete, _applied);
        await FeedAsync();
    }

    /// <summary>Applies the log from the record after the last applied one to its end; starts over when records it needs were trimmed.</summary>
    private async Task FeedAsync()
    {
        var table = EnsureTable();
        while (true)
        {
            var batch = await store.ReadChangesAsync(table.Id, Log, _applied + 1, RecordsPerRead);
            if (batch.Count > 0 && batch[0].Sequence > _applied + 1)
            {
                // Trimmed past what this replica applied (or a write that failed left a hole): copy again.
                LogGap(logger, this.GetPrimaryKeyString(), _applied, batch[0].Sequence);
                await StartAsync();
                return;
            }
            foreach (var change in batch) Apply(table, StreamRecordCodec.Decode(change.Sequence, change.Payload));
            if (batch.Count < RecordsPerRead) break;
        }
        _knownHead = Math.Max(_knownHead, _applied);
        _lag?.Update(_applied, _knownHead, _newestAppliedMs);
    }

    private void Apply(TableDescription table, StreamRecord record)
    {
        var position = ItemValidator.ItemKeyOf(table.KeySchema, record.Keys).Encode();
        if (record.NewImage is { } image)
        {
            var version = record.ItemVersion ?? (_items.TryGet(position, out var held) && held is not null ? held.Version + 1 : 1);
            _items.Set(position, new VersionedItem(version, image));
        }
        else
        {
            _items.Remove(position);
        }
        _applied = record.SequenceNumber;
        _newestAppliedMs = record.CreatedMs;
    }

    /// <summary>After serving a read from outside memory (at the log's state then, or newer), memory must catch up before it serves again.</summary>
    private async Task RaiseFloorAsync(TableDescription table)
    {
        var head = await store.LastChangeSequenceAsync(table.Id, Log);
        if (head > _servedFloor) _servedFloor = head;
        if (head > _knownHead) _knownHead = head;
        _lag?.Update(_applied, _knownHead, _newestAppliedMs);
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        if (++_ticks % TicksPerDescriptionRefresh == 0)
        {
            var latest = await GrainFactory.GetGrain<ITableCatalogGrain>(0).DescribeById(_tableId);
            if (latest is null)
            {
                await Drop();
                return;
            }
            await UpdateDescription(latest);
        }
        await FeedOrLogAsync();
    }

    private async Task FeedOrLogAsync()
    {
        if (_table is null || !_wanted)
        {
            _lag?.Update(_applied, _knownHead, _newestAppliedMs);
            return;
        }
        try
        {
            await FeedAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFeedFailed(logger, this.GetPrimaryKeyString(), e);
        }
    }

    private KeyRange ClampToPartition(TableDescription table, KeyRange range)
    {
        // Partition keys name partition ids, which differ from map indexes once a partition has split.
        var (first, last) = table.Partitions.RangeOf(_partition)
            ?? throw new InvalidOperationException($"Partition {_partition} is not in the map of table {table.Name}");
        return PartitionRange.Clamp(range, first, last);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica {Replica} started with {Count} items (complete: {Complete}) at log sequence {Sequence}")]
    private static partial void LogStarted(ILogger logger, string replica, int count, bool complete, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica {Replica} applied up to {Applied} but the log resumes at {Next}; copying the partition again")]
    private static partial void LogGap(ILogger logger, string replica, long applied, long next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replica {Replica} could not apply the change log; retried at the next prompt")]
    private static partial void LogFeedFailed(ILogger logger, string replica, Exception exception);
}
