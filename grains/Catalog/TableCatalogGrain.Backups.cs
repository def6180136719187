using System.Text.Json;
using DataTier.Backups;
using DataTier.Errors;
using DataTier.Store;
using DataTier.Tables;

namespace DataTier.Catalog;

/// <summary>On-demand backups' records: kept as catalog entries of their own, under a name no table can have.</summary>
public sealed partial class TableCatalogGrain
{
    private const string BackupEntryPrefix = "#backup/";
    private readonly SortedDictionary<string, BackupDescription> _backups = new(StringComparer.Ordinal);

    /// <summary>Whether a catalog entry is a backup's, loaded into <see cref="_backups"/>; tables' entries are not.</summary>
    private bool LoadedAsBackup(string entry, byte[] bytes)
    {
        if (!entry.StartsWith(BackupEntryPrefix, StringComparison.Ordinal)) return false;
        var backup = JsonSerializer.Deserialize<BackupDescription>(bytes)!;
        _backups[backup.Arn] = backup;
        return true;
    }

    public async Task AddBackup(BackupDescription backup)
    {
        await store.PutCatalogEntryAsync(BackupEntryPrefix + backup.Arn, JsonSerializer.SerializeToUtf8Bytes(backup));
        _backups[backup.Arn] = backup;
    }

    public Task<IReadOnlyList<BackupDescription>> Backups() =>
        Task.FromResult<IReadOnlyList<BackupDescription>>([.. _backups.Values.OrderBy(b => b.CreationTime).ThenBy(b => b.Arn, StringComparer.Ordinal)]);

    public Task<BackupDescription> Backup(string arn) =>
        Task.FromResult(_backups.TryGetValue(arn, out var backup) ? backup : throw BackupNotFound(arn));

    public async Task<BackupDescription> RemoveBackup(string arn)
    {
        if (!_backups.TryGetValue(arn, out var backup)) throw BackupNotFound(arn);
        await store.PutCatalogEntryAsync(BackupEntryPrefix + arn, null);
        _backups.Remove(arn);
        return backup;
    }

    public async Task<TableDescription> FinishRestore(string name, TableDescription source, RestoreSummary summary)
    {
        var table = Find(name);
        var restored = table with
        {
            BillingMode = source.BillingMode,
            ReadCapacityUnits = source.ReadCapacityUnits,
            WriteCapacityUnits = source.WriteCapacityUnits,
            BillingModeChangedTime = source.BillingMode == BillingMode.PAY_PER_REQUEST ? table.BillingModeChangedTime : null,
            OnDemandThroughput = source.OnDemandThroughput,
            WarmThroughput = source.WarmThroughput,
            GlobalIndexes = [.. table.GlobalIndexes.Select(i => source.GlobalIndexes.FirstOrDefault(s => s.Name == i.Name) is { } s
                ? i with { OnDemandThroughput = s.OnDemandThroughput, WarmThroughput = s.WarmThroughput }
                : i)],
            Restore = summary,
        };
        await Save(restored);
        await NotifyPartitions(restored);
        await SyncIndexTablesAsync(restored);
        return restored;
    }

    /// <summary>
    /// Deleting a table that has point-in-time recovery keeps, as DynamoDB does, a SYSTEM backup of it as it
    /// was when the deletion began, for the table's recovery period.
    /// </summary>
    private async Task KeepDeletedTableBackupAsync(TableDescription table, Recovery.PointInTimeRecovery recovery)
    {
        var dataId = Guid.NewGuid();
        var now = clock.GetUtcNow();
        long count, bytes;
        try
        {
            await GrainFactory.GetGrain<Recovery.IRecoveryGrain>(table.Id).Materialize(null, dataId);
            (count, bytes) = await store.CountAsync(dataId, KeyRange.All);
        }
        catch
        {
            await store.DeleteTableDataAsync(dataId);
            throw;
        }
        await AddBackup(new BackupDescription(BackupDescription.NewArn(table, now), table.Name + "$DeletedTableBackup",
            table with { ItemCount = count, TableSizeBytes = bytes }, dataId, count, bytes, now, BackupType.SYSTEM, now + recovery.Period));
    }

    /// <summary>SYSTEM backups are removed, with their items, once their retention has passed.</summary>
    private async Task RemoveExpiredBackupsAsync(DateTimeOffset now)
    {
        foreach (var backup in _backups.Values.Where(b => b.ExpiryTime <= now).ToList())
        {
            await RemoveBackup(backup.Arn);
            await store.DeleteTableDataAsync(backup.DataId);
        }
    }

    public static DynamoException BackupNotFound(string arn) => new(DynamoErrorCode.BackupNotFoundException, $"Backup not found: {arn}");
}
