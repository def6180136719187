using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Model;
using DataTier.Store;
using DataTier.Tables;
using DataTier.Transactions;
using Microsoft.Extensions.Logging;

namespace DataTier.Partitions;

/// <summary>
/// The partition's side of transactions (see README, "Transactions"): prepare checks conditions and
/// locks items durably; commit applies the prepared images; abort drops the locks. A lock whose
/// outcome is unknown blocks single-item writes (TransactionConflict) but not reads, which see the
/// last committed item; any access to a locked item first asks the ledger whether its transaction
/// has been decided, so a committed transaction is never seen half applied.
/// </summary>
public sealed partial class PartitionGrain
{
    private readonly Dictionary<string, TransactionLock> _locks = new(StringComparer.Ordinal);
    private readonly Guid _incarnation = Guid.NewGuid();
    private long _deleteCount;
    private IGrainTimer? _lockTimer;

    public async Task<PrepareResult> Prepare(Guid transactionId, IReadOnlyList<TransactOperation> operations)
    {
        var table = EnsureServing();
        var reasons = new CancellationReason[operations.Count];
        var sizes = new int[operations.Count];
        double[]? indexUnits = null;
        long?[]? collections = null;
        var planned = new List<TransactionLock>(operations.Count);
        var failed = false;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            EnsureOwned(operation.Key.Hash);
            var position = operation.Key.Encode();
            reasons[i] = CancellationReason.None;
            if (_locks.Count > 0 && !await SettleLockAsync(position))
            {
                reasons[i] = CancellationReason.Conflict;
                failed = true;
                continue;
            }
            var stored = await ReadCommittedAsync(table, position);
            var current = Visible(table, stored);
            sizes[i] = SizeOf(current?.Attributes);
            if (operation.Condition is not null && !ConditionEvaluator.Evaluate(operation.Condition, current?.Attributes))
            {
                reasons[i] = CancellationReason.ConditionFailed(operation.ReturnOldOnConditionFailure ? current?.Attributes : null);
                failed = true;
                continue;
            }
            IReadOnlyDictionary<string, AttrValue>? newItem;
            try
            {
                newItem = operation.Kind switch
                {
                    TransactOperationKind.Put => operation.Item,
                    TransactOperationKind.Update => UpdatedItem(table, current, operation),
                    _ => null,
                };
                if (newItem is not null) Indexes.IndexKeyValidator.Validate(table, newItem, updated: operation.Kind == TransactOperationKind.Update);
            }
            catch (DynamoException e) when (e.Code == DynamoErrorCode.ValidationException)
            {
                reasons[i] = CancellationReason.Validation(e.Message);
                failed = true;
                continue;
            }
            var writes = operation.Kind != TransactOperationKind.ConditionCheck;
            var currentVersion = stored?.Version ?? 0;
            var newVersion = !writes ? currentVersion : newItem is null ? 0 : currentVersion + 1;
            sizes[i] = Math.Max(sizes[i], SizeOf(newItem));
            if (writes && IndexWriteCost(table, stored?.Attributes, newItem) is > 0 and var cost) (indexUnits ??= new double[operations.Count])[i] = cost;
            if (writes && table.LocalIndexes.Count > 0)
            {
                var delta = CollectionShare(table, newItem) - CollectionShare(table, stored?.Attributes);
                var size = await CollectionBytesAsync(table, operation.Key) + delta;
                if (delta > 0 && size > indexOptions.Value.ItemCollectionSizeLimitBytes)
                {
                    reasons[i] = CancellationReason.ItemCollectionSizeLimitExceeded;
                    failed = true;
                    continue;
                }
                (collections ??= new long?[operations.Count])[i] = size;
            }
            planned.Add(new TransactionLock(transactionId, position, currentVersion, newVersion, newItem, writes, now));
        }
        if (failed) return new PrepareResult(reasons, sizes);
        try
        {
            await store.WriteAsync(LockTableOf(table), planned.Select(l => new ItemWrite(l.Position, 0, 1, l.Encode())).ToList());
        }
        catch (VersionConflictException)
        {
            // A lock this activation does not know of (another activation's): treat as a conflict.
            return new PrepareResult(Enumerable.Repeat(CancellationReason.Conflict, operations.Count).ToList(), sizes);
        }
        foreach (var held in planned) _locks[KeyOf(held.Position)] = held;
        PublishView();
        EnsureLockTimer();
        return new PrepareResult(null, sizes, collections, indexUnits);
    }

    public async Task Commit(Guid transactionId)
    {
        if (await ForwardToChildrenAsync(p => p.Commit(transactionId))) return;
        var mine = LocksOf(transactionId);
        if (mine.Count > 0) await ApplyLocksAsync(EnsureTable(), mine);
    }

    public async Task Abort(Guid transactionId)
    {
        if (await ForwardToChildrenAsync(p => p.Abort(transactionId))) return;
        var mine = LocksOf(transactionId);
        if (mine.Count > 0) await ReleaseLocksAsync(EnsureTable(), mine);
    }

    public async Task<TransactReadResult> ReadForTransaction(IReadOnlyList<ItemKey> keys)
    {
        var table = EnsureServing();
        var items = new VersionedItem?[keys.Count];
        var conflicts = new bool[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            EnsureOwned(keys[i].Hash);
            var position = keys[i].Encode();
            conflicts[i] = _locks.Count > 0 && !await SettleLockAsync(position);
            if (!conflicts[i]) items[i] = Visible(table, await ReadCommittedAsync(table, position));
        }
        return new TransactReadResult(items, conflicts, _incarnation, _deleteCount);
    }

    public async Task<bool> ValidateRead(IReadOnlyList<ItemKey> keys, IReadOnlyList<long> versions, Guid incarnation, long deleteCount)
    {
        var table = EnsureServing();
        for (var i = 0; i < keys.Count; i++)
        {
            var position = keys[i].Encode();
            if (_locks.Count > 0 && !await SettleLockAsync(position)) return false;
            if (((await ReadCommittedAsync(table, position))?.Version ?? 0) != versions[i]) return false;
        }
        return incarnation == _incarnation && deleteCount == _deleteCount;
    }

    private IReadOnlyDictionary<string, AttrValue> UpdatedItem(TableDescription table, VersionedItem? current, TransactOperation operation)
    {
        var updated = UpdateApplier.Apply(current?.Attributes ?? operation.KeyAttributes!, operation.Actions!, itemExists: current is not null,
            Indexes.IndexKeyValidator.KeyTypes(table));
        ItemValidator.ValidateItem(table.KeySchema, updated);
        return updated;
    }

    private async Task LoadLocksAsync(TableDescription table)
    {
        await foreach (var batch in store.PagesAsync(LockTableOf(table), ClampToPartition(KeyRange.All), 256))
            foreach (var stored in batch) _locks[KeyOf(stored.Position)] = TransactionLock.Decode(stored.Position, stored.Attributes);
        if (_locks.Count > 0)
        {
            LogLocksLoaded(logger, _locks.Count, this.GetPrimaryKeyString());
            EnsureLockTimer();
        }
    }

    /// <summary>Settles the transaction holding <paramref name="position"/> if it is decided; true when no lock is left on it.</summary>
    private async ValueTask<bool> SettleLockAsync(byte[] position)
    {
        if (!_locks.TryGetValue(KeyOf(position), out var held)) return true;
        return await SettleAsync(held.TransactionId, IsStale(held));
    }

    private async Task SettleLocksInAsync(KeyRange range)
    {
        var transactions = _locks.Values.Where(l => range.Contains(l.Position)).GroupBy(l => l.TransactionId)
            .Select(g => (Id: g.Key, Stale: g.Any(IsStale))).ToList();
        foreach (var (id, stale) in transactions) await SettleAsync(id, stale);
    }

    /// <summary>
    /// Applies or drops this partition's locks of a transaction whose outcome the ledger holds. A stale
    /// transaction with no outcome is decided here as aborted: its coordinator is gone or too slow, and
    /// the conditional ledger write makes sure it cannot commit afterwards.
    /// </summary>
    private async ValueTask<bool> SettleAsync(Guid transactionId, bool stale)
    {
        var status = stale
            ? await TransactionLedger.DecideAsync(store, transactionId, TransactionStatus.Aborted, time.GetUtcNow().ToUnixTimeMilliseconds())
            : await TransactionLedger.ReadStatusAsync(store, transactionId);
        if (status == TransactionStatus.Pending) return false;
        var table = EnsureTable();
        var mine = LocksOf(transactionId);
        if (status == TransactionStatus.Committed) await ApplyLocksAsync(table, mine);
        else await ReleaseLocksAsync(table, mine);
        return true;
    }

    private async Task ApplyLocksAsync(TableDescription table, List<TransactionLock> locks)
    {
        var writes = new List<ItemWrite>(locks.Count);
        var applied = new List<(TransactionLock Lock, VersionedItem? Old, long Version)>(locks.Count);
        foreach (var held in locks)
        {
            if (!held.Writes) continue;
            var current = await ReadCommittedAsync(table, held.Position);
            var version = current?.Version ?? 0;
            var newVersion = held.NewVersion;
            if (version == held.ExpectedVersion)
            {
                if (newVersion == 0 && current is null) continue;
            }
            else if (version == held.NewVersion)
            {
                continue; // applied before a crash that kept the lock record
            }
            else
            {
                // Only a second activation of this partition (a membership change) can have written a locked item.
                LogLockedItemChanged(logger, held.TransactionId, version, held.ExpectedVersion);
                newVersion = held.NewItem is null ? 0 : version + 1;
            }
            writes.Add(new ItemWrite(held.Position, version, newVersion, held.NewItem));
            applied.Add((held, current, newVersion));
        }
        if (writes.Count > 0)
        {
            try
            {
                var changes = !LogsChanges(table) ? ChangeBatch.None : await ChangeRecordsAsync(table, applied.SelectMany(a => Transitions(table, a.Old?.Attributes, a.Lock.NewItem, a.Version)));
                await store.WriteAsync(table.Id, writes, changes.Records, changes.EntriesWith(table.LocalIndexes.Count == 0 ? null
                    : applied.SelectMany(a => LocalIndexEntries(table, a.Old?.Attributes, a.Lock.NewItem, a.Version)!).ToList()));
                await PublishAsync(table, changes);
            }
            catch
            {
                foreach (var write in writes) _cache.Invalidate(write.Position);
                throw;
            }
            foreach (var (held, old, version) in applied)
            {
                var written = RecordWritten(held.Position, old, held.NewItem, version);
                ChargeWrite(Math.Max(old?.Size ?? 0, written?.Size ?? 0), LocalIndexWriteUnits(table, old?.Attributes, held.NewItem), factor: 2);
                if (GlobalIndexWriteUnits(table, old?.Attributes, held.NewItem) is { } indexUnits) _view.Throughput?.ChargeIndexWrites(indexUnits, factor: 2);
            }
        }
        await ReleaseLocksAsync(table, locks);
    }

    private async Task ReleaseLocksAsync(TableDescription table, List<TransactionLock> locks)
    {
        var deletes = locks.Select(l => new ItemWrite(l.Position, 1, 0, null)).ToList();
        try
        {
            await store.WriteAsync(LockTableOf(table), deletes);
        }
        catch (VersionConflictException)
        {
            // Some were released already (by another activation): release the rest one by one.
            foreach (var delete in deletes)
            {
                try
                {
                    await store.WriteAsync(LockTableOf(table), [delete]);
                }
                catch (VersionConflictException)
                {
                }
            }
        }
        foreach (var held in locks) _locks.Remove(KeyOf(held.Position));
        PublishView();
        if (_locks.Count == 0) StopLockTimer();
    }

    private List<TransactionLock> LocksOf(Guid transactionId) => _locks.Values.Where(l => l.TransactionId == transactionId).ToList();

    private bool IsStale(TransactionLock held) =>
        time.GetUtcNow().ToUnixTimeMilliseconds() - held.PreparedAtMs >= (long)transactionOptions.Value.LockTimeout.TotalMilliseconds;

    private void EnsureLockTimer()
    {
        if (_lockTimer is not null) return;
        var period = transactionOptions.Value.LockTimeout;
        _lockTimer = this.RegisterGrainTimer(SettleStaleLocksAsync, period, period);
    }

    private void StopLockTimer()
    {
        _lockTimer?.Dispose();
        _lockTimer = null;
    }

    private void ForgetLocks()
    {
        _locks.Clear();
        PublishView();
        StopLockTimer();
    }

    private async Task SettleStaleLocksAsync(CancellationToken cancellationToken)
    {
        if (!Serving) return;
        var stale = _locks.Values.Where(IsStale).Select(l => l.TransactionId).Distinct().ToList();
        foreach (var transactionId in stale)
        {
            try
            {
                await SettleAsync(transactionId, stale: true);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSettleFailed(logger, transactionId, e);
            }
        }
    }

    private void RecordDelete(VersionedItem? old, IReadOnlyDictionary<string, AttrValue>? newItem)
    {
        if (old is not null && newItem is null) _deleteCount++;
    }

    private static Guid LockTableOf(TableDescription table) => TransactionLedger.LockTableOf(table.Id);

    private static string KeyOf(byte[] position) => Convert.ToBase64String(position);

    private static int SizeOf(IReadOnlyDictionary<string, AttrValue>? item) => item is null ? 0 : ItemSize.Of(item);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partition {Partition} holds {Count} locks of prepared transactions")]
    private static partial void LogLocksLoaded(ILogger logger, int count, string partition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transaction {TransactionId}: a locked item changed from version {Expected} to {Version}; the commit overwrites it")]
    private static partial void LogLockedItemChanged(ILogger logger, Guid transactionId, long version, long expected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transaction {TransactionId}: settling its locks failed; retried at the next check")]
    private static partial void LogSettleFailed(ILogger logger, Guid transactionId, Exception exception);
}
