using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>On-demand backups over the wire with the AWS SDK: the items, keys and indexes of the moment come back in a new table.</summary>
[Collection("wire")]
public class BackupWireTests(SiloFixture fixture)
{
    private IAmazonDynamoDB Db => fixture.Client;

    private Task<string> IndexedTable() => RestoreTables.CreateIndexedAsync(Db, "backup");

    private Task<List<string>> ScanAll(string table) => RestoreTables.ScanAllAsync(Db, table);

    [Fact]
    public async Task A_restore_brings_back_the_items_keys_indexes_and_capacity_of_the_backup()
    {
        var source = await IndexedTable();
        var before = await ScanAll(source);
        var created = (await Db.CreateBackupAsync(new CreateBackupRequest { TableName = source, BackupName = "nightly" })).BackupDetails;
        Assert.Equal(BackupStatus.AVAILABLE, created.BackupStatus);
        Assert.Equal("nightly", created.BackupName);
        Assert.StartsWith((await Db.DescribeTableAsync(source)).Table.TableArn + "/backup/", created.BackupArn);

        // Changes after the backup are not in it.
        await Db.DeleteItemAsync(source, Item(("pk", S("p0")), ("sk", N("0"))));
        await Db.PutItemAsync(source, Item(("pk", S("p9")), ("sk", N("99")), ("l", S("l99")), ("g", S("g0"))));
        await Db.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = source,
            Key = Item(("pk", S("p1")), ("sk", N("1"))),
            UpdateExpression = "SET v = :v",
            ExpressionAttributeValues = new() { [":v"] = S("after") },
        });

        var described = (await Db.DescribeBackupAsync(new DescribeBackupRequest { BackupArn = created.BackupArn })).BackupDescription;
        Assert.Equal(30, described.SourceTableDetails.ItemCount);
        Assert.Equal(source, described.SourceTableDetails.TableName);
        Assert.True(described.BackupDetails.BackupSizeBytes > 0);
        Assert.Equal("byG", Assert.Single(described.SourceTableFeatureDetails.GlobalSecondaryIndexes).IndexName);
        Assert.Equal("byLocal", Assert.Single(described.SourceTableFeatureDetails.LocalSecondaryIndexes).IndexName);

        var target = UniqueName("restored");
        var restored = (await Db.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { TargetTableName = target, BackupArn = created.BackupArn })).TableDescription;
        Assert.Equal(created.BackupArn, restored.RestoreSummary.SourceBackupArn);
        Assert.Equal(10, restored.ProvisionedThroughput.WriteCapacityUnits);
        Assert.Equal(5, Assert.Single(restored.GlobalSecondaryIndexes).ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(before, await ScanAll(target));

        var local = await Db.QueryAsync(new QueryRequest
        {
            TableName = target,
            IndexName = "byLocal",
            KeyConditionExpression = "pk = :p AND l BETWEEN :a AND :b",
            ExpressionAttributeValues = new() { [":p"] = S("p1"), [":a"] = S("l00"), [":b"] = S("l99") },
        });
        Assert.Equal(10, local.Count);
        // The global index is fed from the restored writes, eventually, as any index is.
        await RestoreTables.AssertGlobalIndexCountAsync(Db, target, "g0", 15);

        var listed = await Db.ListBackupsAsync(new ListBackupsRequest { TableName = source });
        Assert.Equal(created.BackupArn, Assert.Single(listed.BackupSummaries).BackupArn);
        var deleted = await Db.DeleteBackupAsync(new DeleteBackupRequest { BackupArn = created.BackupArn });
        Assert.Equal(BackupStatus.DELETED, deleted.BackupDescription.BackupDetails.BackupStatus);
        var gone = await Assert.ThrowsAsync<BackupNotFoundException>(() => Db.DescribeBackupAsync(new DescribeBackupRequest { BackupArn = created.BackupArn }));
        Assert.Equal($"Backup not found: {created.BackupArn}", gone.Message);
    }

    [Fact]
    public async Task A_restore_takes_the_billing_mode_and_indexes_its_overrides_give()
    {
        var source = await IndexedTable();
        var before = await ScanAll(source);
        var arn = (await Db.CreateBackupAsync(new CreateBackupRequest { TableName = source, BackupName = "overridden" })).BackupDetails.BackupArn;
        var target = UniqueName("overridden");
        var restored = (await Db.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest
        {
            TargetTableName = target,
            BackupArn = arn,
            BillingModeOverride = BillingMode.PAY_PER_REQUEST,
            GlobalSecondaryIndexOverride = [],
            LocalSecondaryIndexOverride =
            [
                new LocalSecondaryIndex
                {
                    IndexName = "byLocalKeys",
                    KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("l", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                },
            ],
        })).TableDescription;
        Assert.Equal(BillingMode.PAY_PER_REQUEST, restored.BillingModeSummary.BillingMode);
        Assert.Null(restored.GlobalSecondaryIndexes);
        Assert.Equal("byLocalKeys", Assert.Single(restored.LocalSecondaryIndexes).IndexName);
        Assert.Equal(before, await ScanAll(target));
        var keysOnly = await Db.QueryAsync(new QueryRequest
        {
            TableName = target, IndexName = "byLocalKeys", KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = new() { [":p"] = S("p1") },
        });
        Assert.Equal(10, keysOnly.Count);
        Assert.All(keysOnly.Items, i => Assert.Equal(["l", "pk", "sk"], i.Keys.Order(StringComparer.Ordinal)));

        var provisioned = UniqueName("overridden-units");
        var withUnits = (await Db.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest
        {
            TargetTableName = provisioned, BackupArn = arn, ProvisionedThroughputOverride = new ProvisionedThroughput(20, 30),
        })).TableDescription;
        Assert.Equal((20L, 30L), (withUnits.ProvisionedThroughput.ReadCapacityUnits, withUnits.ProvisionedThroughput.WriteCapacityUnits));
        Assert.Equal(5, Assert.Single(withUnits.GlobalSecondaryIndexes).ProvisionedThroughput.ReadCapacityUnits);
        await ThrowsValidation(() => Db.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest
        {
            TargetTableName = UniqueName("never"), BackupArn = arn, BillingModeOverride = BillingMode.PAY_PER_REQUEST,
            ProvisionedThroughputOverride = new ProvisionedThroughput(20, 30),
        }), "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }

    [Fact]
    public async Task A_backup_outlives_its_table()
    {
        var source = UniqueName("backup-gone");
        await CreateTable(Db, source, ("pk", ScalarAttributeType.S));
        await Db.PutItemAsync(source, Item(("pk", S("a")), ("v", N("1"))));
        var arn = (await Db.CreateBackupAsync(new CreateBackupRequest { TableName = source, BackupName = "last" })).BackupDetails.BackupArn;
        await Db.DeleteTableAsync(source);

        var target = UniqueName("backup-back");
        await Db.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { TargetTableName = target, BackupArn = arn });
        var item = await Db.GetItemAsync(new GetItemRequest { TableName = target, Key = Item(("pk", S("a"))), ConsistentRead = true });
        Assert.Equal("1", item.Item["v"].N);
        await Db.DeleteBackupAsync(new DeleteBackupRequest { BackupArn = arn });
    }

    [Fact]
    public async Task Bad_backup_requests_get_AWS_errors()
    {
        var missing = UniqueName("no-table");
        var notFound = await Assert.ThrowsAsync<TableNotFoundException>(() => Db.CreateBackupAsync(new CreateBackupRequest { TableName = missing, BackupName = "bk1" }));
        Assert.Equal($"Table not found: {missing}", notFound.Message);

        var source = UniqueName("backup-errors");
        await CreateTable(Db, source, ("pk", ScalarAttributeType.S));
        // Built at run time: the SDK's analyzers refuse a bad name written as a literal.
        var badName = string.Concat("a", "!");
        await ThrowsValidation(() => Db.CreateBackupAsync(new CreateBackupRequest { TableName = source, BackupName = badName }),
            "2 validation errors detected: Value 'a!' at 'backupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a!' at 'backupName' failed to satisfy constraint: Member must have length greater than or equal to 3");
        var arn = (await Db.CreateBackupAsync(new CreateBackupRequest { TableName = source, BackupName = "bk1" })).BackupDetails.BackupArn;
        var exists = await Assert.ThrowsAsync<TableAlreadyExistsException>(() =>
            Db.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { TargetTableName = source, BackupArn = arn }));
        Assert.Equal($"Table already exists: {source}", exists.Message);
        await Assert.ThrowsAsync<BackupNotFoundException>(() =>
            Db.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { TargetTableName = UniqueName("x"), BackupArn = arn + "0" }));
        await Db.DeleteBackupAsync(new DeleteBackupRequest { BackupArn = arn });
    }
}
