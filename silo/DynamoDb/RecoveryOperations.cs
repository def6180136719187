using System.Text.Json;
using DataTier.Backups;
using DataTier.Catalog;
using DataTier.Client;
using DataTier.Recovery;
using DataTier.Store;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb;

/// <summary>
/// Point-in-time recovery: UpdateContinuousBackups enables it (the table is restorable once every partition
/// has logged its items, before the call returns) or disables it, DescribeContinuousBackups reports the
/// restorable range, and RestoreTableToPointInTime rebuilds the table as it was at a moment in that range
/// under an id of its own and makes a new table of it.
/// </summary>
public sealed class RecoveryOperations(IGrainFactory grains, TableRestorer restorer, ITableStore store, TimeProvider time)
{
    private ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    private IRecoveryGrain RecoveryOf(TableDescription table) => grains.GetGrain<IRecoveryGrain>(table.Id);

    public async Task UpdateContinuousBackups(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var specification = r.Required(r.Object("PointInTimeRecoverySpecification"), "pointInTimeRecoverySpecification");
        bool? enabled = null;
        int? days = null;
        if (specification is { } spec)
        {
            var s = new ApiRequest(spec);
            enabled = r.Required(s.Bool("PointInTimeRecoveryEnabled"), "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled");
            days = s.Int("RecoveryPeriodInDays");
            if (days is < 1 or > PointInTimeRecovery.MaxPeriodDays)
                r.Invalid("pointInTimeRecoverySpecification.recoveryPeriodInDays", days,
                    days < 1 ? "Member must have value greater than or equal to 1" : $"Member must have value less than or equal to {PointInTimeRecovery.MaxPeriodDays}");
        }
        r.ThrowIfInvalid();
        RequestValidation.TableName(name);
        if (days is not null && enabled == false)
            throw Errors.DynamoException.Validation("RecoveryPeriodInDays can only be specified when PointInTimeRecoveryEnabled is true");
        var table = await Catalog.UpdateContinuousBackups(name!, enabled!.Value, days);
        if (table.Recovery is { EarliestRestorableTime: null })
        {
            await RecoveryOf(table).Seed();
            table = await Catalog.Describe(name!) ?? throw RecoveryErrors.TableNotFound(name!);
        }
        else if (table.Recovery is null) await RecoveryOf(table).Drop();
        WriteDescription(w, table);
    }

    public async Task DescribeContinuousBackups(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        r.ThrowIfInvalid();
        RequestValidation.TableName(name);
        var table = await Catalog.Describe(name!) is { BaseTableName: null } found ? found : throw RecoveryErrors.TableNotFound(name!);
        WriteDescription(w, table);
    }

    public async Task RestoreTableToPointInTime(ApiRequest r, Utf8JsonWriter w)
    {
        var sourceName = r.String("SourceTableName");
        var sourceArn = r.String("SourceTableArn");
        var target = r.Required(r.String("TargetTableName"), "targetTableName");
        var latest = r.Bool("UseLatestRestorableTime") ?? false;
        var point = EpochSeconds.Read(r, "RestoreDateTime");
        r.ThrowIfInvalid();
        RequestValidation.TableName(target, "targetTableName");
        if (sourceName is null == (sourceArn is null))
            throw Errors.DynamoException.Validation("Exactly one of SourceTableArn or SourceTableName must be specified");
        if (latest && point is not null)
            throw Errors.DynamoException.Validation("Only one of RestoreDateTime or UseLatestRestorableTime can be specified");
        if (!latest && point is null)
            throw Errors.DynamoException.Validation("Either RestoreDateTime or UseLatestRestorableTime must be specified");
        var source = sourceName is not null
            ? await Catalog.Describe(sourceName) is { BaseTableName: null } named ? named : throw RecoveryErrors.TableNotFound(sourceName)
            : await FindByArnAsync(sourceArn!);
        if (source.Recovery is null) throw RecoveryErrors.Unavailable(source.Name);
        var shape = TableRestorer.WithOverrides(r, source);
        await restorer.EnsureAbsentAsync(target!);
        var dataId = Guid.NewGuid();
        try
        {
            var moment = await RecoveryOf(source).Materialize(point, dataId);
            var restored = await restorer.RestoreAsync(shape, dataId, target!, new RestoreSummary(null, source.Arn, moment));
            w.WriteStartObject();
            w.WritePropertyName("TableDescription");
            TableDescriptionJson.Write(w, restored);
            w.WriteEndObject();
        }
        finally
        {
            await store.DeleteTableDataAsync(dataId);
        }
    }

    private async Task<TableDescription> FindByArnAsync(string arn)
    {
        var name = arn[(arn.LastIndexOf('/') + 1)..];
        return await Catalog.Describe(name) is { BaseTableName: null } table && table.Arn == arn ? table : throw RecoveryErrors.TableNotFound(arn);
    }

    private void WriteDescription(Utf8JsonWriter w, TableDescription table)
    {
        w.WriteStartObject();
        w.WriteStartObject("ContinuousBackupsDescription");
        w.WriteString("ContinuousBackupsStatus", "ENABLED");
        w.WriteStartObject("PointInTimeRecoveryDescription");
        w.WriteString("PointInTimeRecoveryStatus", table.Recovery is null ? "DISABLED" : "ENABLED");
        if (table.Recovery is { } recovery)
        {
            w.WriteNumber("RecoveryPeriodInDays", recovery.RecoveryPeriodInDays);
            if (recovery.EarliestRestorableTime is { } earliest)
            {
                w.WriteEpochSeconds("EarliestRestorableDateTime", earliest);
                w.WriteEpochSeconds("LatestRestorableDateTime", time.GetUtcNow());
            }
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
