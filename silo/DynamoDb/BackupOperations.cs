using System.Text.Json;
using DataTier.Backups;
using DataTier.Catalog;
using DataTier.Client;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Store;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb;

/// <summary>
/// On-demand backups: CreateBackup copies a table's items, as the store holds them, under an id of the
/// backup's own; RestoreTableFromBackup makes a new table of them (<see cref="TableRestorer"/>);
/// DescribeBackup, ListBackups and DeleteBackup.
/// </summary>
public sealed class BackupOperations(IGrainFactory grains, TableRestorer restorer, ITableStore store, TimeProvider time)
{
    private ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    public async Task CreateBackup(ApiRequest r, Utf8JsonWriter w)
    {
        var tableName = r.Required(r.String("TableName"), "tableName");
        var backupName = r.Required(r.String("BackupName"), "backupName");
        r.ThrowIfInvalid();
        RequestValidation.TableName(tableName);
        RequestValidation.TableName(backupName, "backupName");
        var table = await Catalog.Describe(tableName!) is { BaseTableName: null } found
            ? found
            : throw new DynamoException(DynamoErrorCode.TableNotFoundException, $"Table not found: {tableName}");
        var now = time.GetUtcNow();
        var dataId = Guid.NewGuid();
        long count, bytes;
        try
        {
            // With point-in-time recovery, the backup is the table as it was at one moment, across its partitions.
            if (table.Recovery is { EarliestRestorableTime: not null }) await grains.GetGrain<Recovery.IRecoveryGrain>(table.Id).Materialize(null, dataId);
            else await store.CopyAsync(table.Id, dataId);
            (count, bytes) = await store.CountAsync(dataId, KeyRange.All);
        }
        catch
        {
            await store.DeleteTableDataAsync(dataId);
            throw;
        }
        var backup = new BackupDescription(BackupDescription.NewArn(table, now), backupName!, table with { ItemCount = count, TableSizeBytes = bytes },
            dataId, count, bytes, now);
        await Catalog.AddBackup(backup);
        w.WriteStartObject();
        w.WritePropertyName("BackupDetails");
        WriteDetails(w, backup, "AVAILABLE");
        w.WriteEndObject();
    }

    public async Task DescribeBackup(ApiRequest r, Utf8JsonWriter w)
    {
        var arn = r.Required(r.String("BackupArn"), "backupArn");
        r.ThrowIfInvalid();
        var backup = await FindAsync(arn!);
        w.WriteStartObject();
        WriteDescription(w, backup, "AVAILABLE");
        w.WriteEndObject();
    }

    public async Task DeleteBackup(ApiRequest r, Utf8JsonWriter w)
    {
        var arn = r.Required(r.String("BackupArn"), "backupArn");
        r.ThrowIfInvalid();
        var backup = await Catalog.RemoveBackup(arn!);
        await store.DeleteTableDataAsync(backup.DataId);
        w.WriteStartObject();
        WriteDescription(w, backup, "DELETED");
        w.WriteEndObject();
    }

    public async Task ListBackups(ApiRequest r, Utf8JsonWriter w)
    {
        var tableName = r.String("TableName");
        var limit = r.Int("Limit");
        var start = r.String("ExclusiveStartBackupArn");
        var type = r.OneOf("BackupType", "backupType", "USER", "SYSTEM", "AWS_BACKUP", "ALL") ?? "USER";
        var lower = EpochSeconds.Read(r, "TimeRangeLowerBound");
        var upper = EpochSeconds.Read(r, "TimeRangeUpperBound");
        if (limit is < 1 or > 100)
            r.Invalid("limit", limit, limit < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 100");
        r.ThrowIfInvalid();
        var backups = (await Catalog.Backups())
            .Where(b => type == "ALL" || type == b.Type.ToString())
            .Where(b => tableName is null || b.Source.Name == tableName)
            .Where(b => (lower is null || b.CreationTime >= lower) && (upper is null || b.CreationTime <= upper))
            .ToList();
        if (start is not null) backups = [.. backups.SkipWhile(b => b.Arn != start).Skip(1)];
        var page = backups.Take(limit ?? 100).ToList();
        w.WriteStartObject();
        w.WriteStartArray("BackupSummaries");
        foreach (var b in page)
        {
            w.WriteStartObject();
            w.WriteString("TableName", b.Source.Name);
            w.WriteString("TableId", b.Source.Id.ToString());
            w.WriteString("TableArn", b.Source.Arn);
            w.WriteString("BackupArn", b.Arn);
            w.WriteString("BackupName", b.Name);
            w.WriteEpochSeconds("BackupCreationDateTime", b.CreationTime);
            w.WriteString("BackupStatus", "AVAILABLE");
            w.WriteString("BackupType", b.Type.ToString());
            if (b.ExpiryTime is { } expiry) w.WriteEpochSeconds("BackupExpiryDateTime", expiry);
            w.WriteNumber("BackupSizeBytes", b.SizeBytes);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (page.Count < backups.Count) w.WriteString("LastEvaluatedBackupArn", page[^1].Arn);
        w.WriteEndObject();
    }

    public async Task RestoreTableFromBackup(ApiRequest r, Utf8JsonWriter w)
    {
        var target = r.Required(r.String("TargetTableName"), "targetTableName");
        var arn = r.Required(r.String("BackupArn"), "backupArn");
        r.ThrowIfInvalid();
        RequestValidation.TableName(target, "targetTableName");
        var backup = await FindAsync(arn!);
        var shape = TableRestorer.WithOverrides(r, backup.Source);
        var restored = await restorer.RestoreAsync(shape, backup.DataId, target!, new RestoreSummary(backup.Arn, backup.Source.Arn, time.GetUtcNow()));
        w.WriteStartObject();
        w.WritePropertyName("TableDescription");
        TableDescriptionJson.Write(w, restored);
        w.WriteEndObject();
    }

    private Task<BackupDescription> FindAsync(string arn) => Catalog.Backup(arn);

    private static void WriteDescription(Utf8JsonWriter w, BackupDescription backup, string status)
    {
        w.WriteStartObject("BackupDescription");
        w.WritePropertyName("BackupDetails");
        WriteDetails(w, backup, status);
        var source = backup.Source;
        w.WriteStartObject("SourceTableDetails");
        w.WriteString("TableName", source.Name);
        w.WriteString("TableId", source.Id.ToString());
        w.WriteString("TableArn", source.Arn);
        w.WriteNumber("TableSizeBytes", backup.SizeBytes);
        TableDescriptionJson.WriteKeySchema(w, source.KeySchema);
        w.WriteEpochSeconds("TableCreationDateTime", source.CreationTime);
        w.WriteStartObject("ProvisionedThroughput");
        w.WriteNumber("ReadCapacityUnits", source.ReadCapacityUnits);
        w.WriteNumber("WriteCapacityUnits", source.WriteCapacityUnits);
        w.WriteEndObject();
        w.WriteNumber("ItemCount", backup.ItemCount);
        w.WriteString("BillingMode", source.BillingMode.ToString());
        w.WriteEndObject();
        w.WriteStartObject("SourceTableFeatureDetails");
        IndexJson.Write(w, source);
        if (source.StreamViewType is { } view)
        {
            w.WriteStartObject("StreamDescription");
            w.WriteBoolean("StreamEnabled", true);
            w.WriteString("StreamViewType", view.ToString());
            w.WriteEndObject();
        }
        w.WriteStartObject("TimeToLiveDescription");
        w.WriteString("TimeToLiveStatus", source.TimeToLiveAttribute is null ? "DISABLED" : "ENABLED");
        if (source.TimeToLiveAttribute is { } attribute) w.WriteString("AttributeName", attribute);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteDetails(Utf8JsonWriter w, BackupDescription backup, string status)
    {
        w.WriteStartObject();
        w.WriteString("BackupArn", backup.Arn);
        w.WriteString("BackupName", backup.Name);
        w.WriteNumber("BackupSizeBytes", backup.SizeBytes);
        w.WriteString("BackupStatus", status);
        w.WriteString("BackupType", backup.Type.ToString());
        w.WriteEpochSeconds("BackupCreationDateTime", backup.CreationTime);
        if (backup.ExpiryTime is { } expiry) w.WriteEpochSeconds("BackupExpiryDateTime", expiry);
        w.WriteEndObject();
    }
}
