using DataTier.Model;
using DataTier.Store;
using DataTier.Tables;

namespace DataTier.Partitions;

/// <summary>
/// Time to live: an item whose TTL attribute (epoch seconds) lies in the past is absent to every
/// read and write at once, stricter than DynamoDB, which may return it until it is deleted. A timer
/// deletes expired items in bounded batches, each with a REMOVE stream record marked as the service's.
/// </summary>
public sealed partial class PartitionGrain
{
    private IGrainTimer? _sweepTimer;
    private byte[]? _sweepCursor;

    private bool IsExpired(TableDescription table, IReadOnlyDictionary<string, AttrValue>? item) =>
        ItemExpiry.IsExpired(table.TimeToLiveAttribute, item, time.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>The item as readers see it: null when absent or expired.</summary>
    private VersionedItem? Visible(TableDescription table, VersionedItem? stored) => IsExpired(table, stored?.Attributes) ? null : stored;

    /// <summary>The changes of replacing <paramref name="stored"/>: an expired item leaves as the service's REMOVE first.</summary>
    private List<ItemChange> Transitions(
        TableDescription table, IReadOnlyDictionary<string, AttrValue>? stored, IReadOnlyDictionary<string, AttrValue>? updated, long newVersion)
    {
        if (!IsExpired(table, stored)) return [new(stored, updated, false, newVersion)];
        return updated is null ? [new(stored, null, true, 0)] : [new(stored, null, true, 0), new(null, updated, false, newVersion)];
    }

    private void ScheduleSweeps(TableDescription table)
    {
        if (table.TimeToLiveAttribute is null)
        {
            _sweepTimer?.Dispose();
            _sweepTimer = null;
            return;
        }
        if (_sweepTimer is not null) return;
        var interval = ttlOptions.Value.SweepInterval;
        _sweepTimer = this.RegisterGrainTimer(SweepAsync, interval, interval);
    }

    /// <summary>Examines the next items of the partition and deletes the expired ones, within the per-sweep budgets.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (_table is not { TimeToLiveAttribute: not null } table || !Serving) return;
        var budget = ttlOptions.Value;
        var range = ClampToPartition(KeyRange.All);
        if (_sweepCursor is not null) range = range with { Start = _sweepCursor, StartInclusive = false };
        var batch = await store.ReadRangeAsync(table.Id, range, false, budget.ItemsPerSweep);
        var deleted = 0;
        byte[]? examined = null;
        foreach (var stored in batch)
        {
            if (deleted >= budget.DeletesPerSweep)
            {
                _sweepCursor = examined;
                return;
            }
            examined = stored.Position;
            if (!IsExpired(table, stored.Attributes) || _locks.ContainsKey(KeyOf(stored.Position))) continue;
            if (await DeleteExpiredAsync(table, stored.Position)) deleted++;
        }
        _sweepCursor = batch.Count < budget.ItemsPerSweep ? null : examined;
    }

    private async Task<bool> DeleteExpiredAsync(TableDescription table, byte[] position)
    {
        var current = await ReadCommittedAsync(table, position);
        if (current is null || !IsExpired(table, current.Attributes)) return false;
        var changes = !LogsChanges(table) ? ChangeBatch.None : await ChangeRecordsAsync(table, [new ItemChange(current.Attributes, null, true, 0)]);
        try
        {
            await store.WriteAsync(table.Id, [new ItemWrite(position, current.Version, 0, null)], changes.Records, changes.EntriesWith(LocalIndexEntries(table, current.Attributes, null, 0)));
        }
        catch (VersionConflictException)
        {
            _cache.Invalidate(position);
            return false;
        }
        RecordWritten(position, current, null, 0);
        await PublishAsync(table, changes);
        return true;
    }
}
