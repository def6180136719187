using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>Point-in-time recovery over the wire with the AWS SDK: enabling, describing, restoring to moments, and AWS's errors.</summary>
[Collection("wire")]
public class PointInTimeRecoveryWireTests(SiloFixture fixture)
{
    private IAmazonDynamoDB Db => fixture.Client;

    private Task<string> TableWithIndexes() => RestoreTables.CreateIndexedAsync(Db, "pitr");

    private Task Put(string table, int i, string value) => RestoreTables.PutAsync(Db, table, i, value);

    private Task<List<string>> ScanAll(string table) => RestoreTables.ScanAllAsync(Db, table);

    private async Task<PointInTimeRecoveryDescription> Enable(string table, int? days = null) =>
        (await Db.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
        {
            TableName = table,
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true, RecoveryPeriodInDays = days },
        })).ContinuousBackupsDescription.PointInTimeRecoveryDescription;

    /// <summary>A moment strictly after every write so far and before any write to come (times carry milliseconds).</summary>
    private static async Task<DateTime> Moment()
    {
        await Task.Delay(5);
        var moment = DateTime.UtcNow;
        await Task.Delay(5);
        return moment;
    }

    [Fact]
    public async Task A_table_is_restored_as_it_was_at_a_moment_with_its_indexes()
    {
        var source = await TableWithIndexes();
        var enabled = await Enable(source);
        Assert.Equal(PointInTimeRecoveryStatus.ENABLED, enabled.PointInTimeRecoveryStatus);
        Assert.Equal(35, enabled.RecoveryPeriodInDays);
        Assert.True(enabled.EarliestRestorableDateTime <= enabled.LatestRestorableDateTime);

        for (var i = 0; i < 10; i++) await Put(source, i, "v1");
        await Db.DeleteItemAsync(source, Item(("pk", S("p1")), ("sk", N("19"))));
        var moment = await Moment();
        var then = await ScanAll(source);
        for (var i = 0; i < 5; i++) await Put(source, i, "v2");
        await Put(source, 40, "new");
        var now = await ScanAll(source);

        var target = UniqueName("pitr-restored");
        var restored = (await Db.RestoreTableToPointInTimeAsync(new RestoreTableToPointInTimeRequest
        {
            SourceTableName = source,
            TargetTableName = target,
            RestoreDateTime = moment,
        })).TableDescription;
        Assert.Equal(TableStatus.ACTIVE, restored.TableStatus);
        Assert.Null(restored.RestoreSummary.SourceBackupArn);
        Assert.EndsWith("/" + source, restored.RestoreSummary.SourceTableArn);
        Assert.Equal(moment, restored.RestoreSummary.RestoreDateTime!.Value.ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(10, restored.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(then, await ScanAll(target));
        // The global index is fed from the restored items, eventually.
        await RestoreTables.AssertGlobalIndexCountAsync(Db, target, "g1", then.Count(i => i.Contains("\"g\"={S:\"g1\"}", StringComparison.Ordinal)));

        var latest = UniqueName("pitr-latest");
        var onDemand = (await Db.RestoreTableToPointInTimeAsync(new RestoreTableToPointInTimeRequest
        {
            SourceTableArn = (await Db.DescribeTableAsync(source)).Table.TableArn,
            TargetTableName = latest,
            UseLatestRestorableTime = true,
            BillingModeOverride = BillingMode.PAY_PER_REQUEST,
        })).TableDescription;
        Assert.Equal(BillingMode.PAY_PER_REQUEST, onDemand.BillingModeSummary.BillingMode);
        Assert.Equal(now, await ScanAll(latest));
        // Recovery is the source's; the restored table starts without it.
        Assert.Equal(PointInTimeRecoveryStatus.DISABLED, (await Db.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = target }))
            .ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus);
    }

    [Fact]
    public async Task Describing_enabling_changing_the_period_and_disabling()
    {
        var table = await TableWithIndexes();
        var described = (await Db.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = table })).ContinuousBackupsDescription;
        Assert.Equal(ContinuousBackupsStatus.ENABLED, described.ContinuousBackupsStatus);
        Assert.Equal(PointInTimeRecoveryStatus.DISABLED, described.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus);
        Assert.Null(described.PointInTimeRecoveryDescription.EarliestRestorableDateTime);

        var first = await Enable(table, days: 7);
        Assert.Equal(7, first.RecoveryPeriodInDays);
        var changed = await Enable(table, days: 3);
        Assert.Equal(3, changed.RecoveryPeriodInDays);
        Assert.Equal(first.EarliestRestorableDateTime, changed.EarliestRestorableDateTime);

        var disabled = (await Db.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
        {
            TableName = table,
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = false },
        })).ContinuousBackupsDescription.PointInTimeRecoveryDescription;
        Assert.Equal(PointInTimeRecoveryStatus.DISABLED, disabled.PointInTimeRecoveryStatus);
        var unavailable = await Assert.ThrowsAsync<PointInTimeRecoveryUnavailableException>(() => Db.RestoreTableToPointInTimeAsync(
            new RestoreTableToPointInTimeRequest { SourceTableName = table, TargetTableName = UniqueName("never"), UseLatestRestorableTime = true }));
        Assert.Equal($"Point in time recovery is not enabled for table '{table}'", unavailable.Message);

        // Enabled again, it restores only from then on: what came before is gone with the old logs.
        var again = await Enable(table);
        Assert.True(again.EarliestRestorableDateTime > first.EarliestRestorableDateTime);
        await Assert.ThrowsAsync<InvalidRestoreTimeException>(() => Db.RestoreTableToPointInTimeAsync(new RestoreTableToPointInTimeRequest
        {
            SourceTableName = table, TargetTableName = UniqueName("never"), RestoreDateTime = first.EarliestRestorableDateTime!.Value,
        }));
    }

    [Fact]
    public async Task Deleting_a_table_with_recovery_keeps_a_system_backup_it_can_be_restored_from()
    {
        var source = await TableWithIndexes();
        await Enable(source, days: 2);
        await Put(source, 3, "last");
        var before = await ScanAll(source);
        await Db.DeleteTableAsync(source);

        // Not among the user's backups; listed as SYSTEM, kept for the recovery period.
        Assert.DoesNotContain((await Db.ListBackupsAsync(new ListBackupsRequest { TableName = source })).BackupSummaries ?? [], b => b.TableName == source);
        var summary = Assert.Single((await Db.ListBackupsAsync(new ListBackupsRequest { TableName = source, BackupType = BackupTypeFilter.SYSTEM })).BackupSummaries);
        Assert.Equal(BackupType.SYSTEM, summary.BackupType);
        Assert.Equal(source + "$DeletedTableBackup", summary.BackupName);
        Assert.True(Assert.Single((await Db.ListBackupsAsync(new ListBackupsRequest { TableName = source, BackupType = BackupTypeFilter.ALL })).BackupSummaries).BackupSizeBytes > 0);
        var details = (await Db.DescribeBackupAsync(new DescribeBackupRequest { BackupArn = summary.BackupArn })).BackupDescription.BackupDetails;
        Assert.Equal(details.BackupCreationDateTime!.Value.AddDays(2), details.BackupExpiryDateTime!.Value, TimeSpan.FromSeconds(1));

        var target = UniqueName("pitr-undeleted");
        await Db.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { TargetTableName = target, BackupArn = summary.BackupArn });
        Assert.Equal(before, await ScanAll(target));
        await Db.DeleteBackupAsync(new DeleteBackupRequest { BackupArn = summary.BackupArn });
    }

    [Fact]
    public async Task A_backup_of_a_table_with_recovery_is_its_image_of_the_moment()
    {
        var source = await TableWithIndexes();
        await Enable(source);
        await Put(source, 7, "after-enabling");
        await Db.DeleteItemAsync(source, Item(("pk", S("p2")), ("sk", N("8"))));
        var before = await ScanAll(source);
        var backup = (await Db.CreateBackupAsync(new CreateBackupRequest { TableName = source, BackupName = "moment" })).BackupDetails;
        await Put(source, 9, "after-the-backup");
        Assert.Equal(29, (await Db.DescribeBackupAsync(new DescribeBackupRequest { BackupArn = backup.BackupArn })).BackupDescription.SourceTableDetails.ItemCount);

        var target = UniqueName("pitr-backup");
        await Db.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { TargetTableName = target, BackupArn = backup.BackupArn });
        Assert.Equal(before, await ScanAll(target));
        await Db.DeleteBackupAsync(new DeleteBackupRequest { BackupArn = backup.BackupArn });
    }

    [Fact]
    public async Task Bad_requests_get_AWSs_errors()
    {
        var table = await TableWithIndexes();
        var missing = UniqueName("missing");
        var notFound = await Assert.ThrowsAsync<TableNotFoundException>(() =>
            Db.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = missing }));
        Assert.Equal($"Table not found: {missing}", notFound.Message);
        await Assert.ThrowsAsync<TableNotFoundException>(() => Enable(missing));
        await Assert.ThrowsAsync<TableNotFoundException>(() => Db.RestoreTableToPointInTimeAsync(
            new RestoreTableToPointInTimeRequest { SourceTableName = missing, TargetTableName = UniqueName("never"), UseLatestRestorableTime = true }));
        await ThrowsValidation(() => Enable(table, days: 36),
            "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 35");

        await Enable(table);
        var exists = await Assert.ThrowsAsync<TableAlreadyExistsException>(() => Db.RestoreTableToPointInTimeAsync(
            new RestoreTableToPointInTimeRequest { SourceTableName = table, TargetTableName = table, UseLatestRestorableTime = true }));
        Assert.Equal($"Table already exists: {table}", exists.Message);
        await Assert.ThrowsAsync<InvalidRestoreTimeException>(() => Db.RestoreTableToPointInTimeAsync(new RestoreTableToPointInTimeRequest
        {
            SourceTableName = table, TargetTableName = UniqueName("never"), RestoreDateTime = DateTime.UtcNow.AddDays(-1),
        }));
        await ThrowsValidation(() => Db.RestoreTableToPointInTimeAsync(new RestoreTableToPointInTimeRequest
        {
            SourceTableName = table, TargetTableName = UniqueName("never"), RestoreDateTime = DateTime.UtcNow, UseLatestRestorableTime = true,
        }), "Only one of RestoreDateTime or UseLatestRestorableTime can be specified");
        await ThrowsValidation(() => Db.RestoreTableToPointInTimeAsync(new RestoreTableToPointInTimeRequest
        {
            SourceTableName = table, TargetTableName = UniqueName("never"),
        }), "Either RestoreDateTime or UseLatestRestorableTime must be specified");
    }
}
