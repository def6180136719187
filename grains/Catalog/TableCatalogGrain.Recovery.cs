using DataTier.Recovery;
using DataTier.Tables;

namespace DataTier.Catalog;

/// <summary>
/// Point-in-time recovery's setting is kept with the table's description; every
/// <c>PointInTimeRecovery:FoldInterval</c> the catalog asks each table's recovery grain to fold what fell
/// out of its recovery period, and removes the SYSTEM backups of deleted tables whose retention has passed.
/// </summary>
public sealed partial class TableCatalogGrain
{
    private void StartRecoveryFolds()
    {
        var interval = recoveryOptions.Value.FoldInterval;
        this.RegisterGrainTimer(PromptFoldsAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
    }

    private async Task PromptFoldsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var table in _tables.Values)
            if (table.Recovery is { EarliestRestorableTime: { } earliest } recovery && now - recovery.Period > earliest)
                GrainFactory.GetGrain<IRecoveryGrain>(table.Id).Fold(now - recovery.Period).Ignore();
        await RemoveExpiredBackupsAsync(now);
    }

    public async Task<TableDescription> UpdateContinuousBackups(string name, bool enabled, int? recoveryPeriodInDays)
    {
        var table = _tables.TryGetValue(name, out var found) && found.BaseTableName is null ? found : throw RecoveryErrors.TableNotFound(name);
        var current = table.Recovery;
        var recovery = !enabled ? null
            : current is null ? new PointInTimeRecovery(recoveryPeriodInDays ?? PointInTimeRecovery.MaxPeriodDays, clock.GetUtcNow(), null)
            : current with { RecoveryPeriodInDays = recoveryPeriodInDays ?? current.RecoveryPeriodInDays };
        if (recovery == current) return table;
        var updated = table with { Recovery = recovery };
        await Save(updated);
        // Partitions log changes from here on; records from before seeding are not needed.
        if ((current is null) != (recovery is null)) await NotifyPartitions(updated);
        return updated;
    }

    public async Task<bool> AdvanceRecovery(Guid tableId, DateTimeOffset enabledTime, DateTimeOffset earliest)
    {
        var table = _tables.Values.FirstOrDefault(t => t.Id == tableId);
        if (table?.Recovery is not { } recovery || recovery.EnabledTime != enabledTime) return false;
        if (recovery.EarliestRestorableTime >= earliest) return true;
        await Save(table with { Recovery = recovery with { EarliestRestorableTime = earliest } });
        return true;
    }
}
