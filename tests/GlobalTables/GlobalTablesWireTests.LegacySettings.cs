using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.Tests.Wire;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.GlobalTables;

/// <summary>Version 2017.11.29: DescribeGlobalTableSettings and UpdateGlobalTableSettings, each region's settings its own table's.</summary>
public sealed partial class GlobalTablesWireTests
{
    /// <summary>The same PROVISIONED table (10 read, 5 write units, an index of as many) in each region, ready to join a global table.</summary>
    private static async Task CreateSameProvisionedTable(string name, params AmazonDynamoDBClient[] clients)
    {
        foreach (var client in clients)
            await client.CreateTableAsync(ProvisionedTableWithIndex(name, 10, ProjectionType.KEYS_ONLY));
    }

    private static ReplicaSettingsDescription Settings(IEnumerable<ReplicaSettingsDescription> settings, string region) =>
        Assert.Single(settings, s => s.RegionName == region);

    [Fact]
    public async Task A_2017_global_tables_settings_are_described_from_each_region_and_updated_in_every_region_with_auto_scaling()
    {
        var table = UniqueName("legacyset");
        await CreateSameProvisionedTable(table, West, East);
        await CreateGlobal(West, table, West2017, East2017);

        var described = (await East.DescribeGlobalTableSettingsAsync(new DescribeGlobalTableSettingsRequest { GlobalTableName = table })).ReplicaSettings;
        Assert.Equal([West2017, East2017], described.Select(s => s.RegionName));
        foreach (var replica in described)
        {
            Assert.Equal(10, replica.ReplicaProvisionedReadCapacityUnits);
            Assert.Equal(5, replica.ReplicaProvisionedWriteCapacityUnits);
            Assert.True(replica.ReplicaProvisionedReadCapacityAutoScalingSettings.AutoScalingDisabled);
            Assert.True(replica.ReplicaProvisionedWriteCapacityAutoScalingSettings.AutoScalingDisabled);
            var index = Assert.Single(replica.ReplicaGlobalSecondaryIndexSettings);
            Assert.Equal(("by-g", 10L, 5L), (index.IndexName, index.ProvisionedReadCapacityUnits!.Value, index.ProvisionedWriteCapacityUnits!.Value));
        }

        // Writes and their auto scaling in every region; reads, their auto scaling and the class in the region named.
        var updated = (await West.UpdateGlobalTableSettingsAsync(new UpdateGlobalTableSettingsRequest
        {
            GlobalTableName = table,
            GlobalTableProvisionedWriteCapacityUnits = 7,
            GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate = new AutoScalingSettingsUpdate
            {
                MinimumUnits = 7, MaximumUnits = 20,
                ScalingPolicyUpdate = new AutoScalingPolicyUpdate { TargetTrackingScalingPolicyConfiguration = new AutoScalingTargetTrackingScalingPolicyConfigurationUpdate { TargetValue = 70 } },
            },
            GlobalTableGlobalSecondaryIndexSettingsUpdate = [new GlobalTableGlobalSecondaryIndexSettingsUpdate { IndexName = "by-g", ProvisionedWriteCapacityUnits = 6 }],
            ReplicaSettingsUpdate =
            [
                new ReplicaSettingsUpdate
                {
                    RegionName = East2017, ReplicaProvisionedReadCapacityUnits = 3, ReplicaTableClass = TableClass.STANDARD_INFREQUENT_ACCESS,
                    ReplicaGlobalSecondaryIndexSettingsUpdate = [new ReplicaGlobalSecondaryIndexSettingsUpdate { IndexName = "by-g", ProvisionedReadCapacityUnits = 4 }],
                },
                new ReplicaSettingsUpdate
                {
                    RegionName = West2017,
                    ReplicaProvisionedReadCapacityAutoScalingSettingsUpdate = new AutoScalingSettingsUpdate { MinimumUnits = 12, MaximumUnits = 50 },
                },
            ],
        })).ReplicaSettings;
        var east = Settings(updated, East2017);
        var west = Settings(updated, West2017);
        Assert.Equal((3L, 7L), (east.ReplicaProvisionedReadCapacityUnits!.Value, east.ReplicaProvisionedWriteCapacityUnits!.Value));
        Assert.Equal((4L, 6L), (east.ReplicaGlobalSecondaryIndexSettings[0].ProvisionedReadCapacityUnits!.Value, east.ReplicaGlobalSecondaryIndexSettings[0].ProvisionedWriteCapacityUnits!.Value));
        Assert.Equal(TableClass.STANDARD_INFREQUENT_ACCESS, east.ReplicaTableClassSummary.TableClass);
        Assert.Equal(7, west.ReplicaProvisionedWriteCapacityUnits);
        Assert.Equal(6, west.ReplicaGlobalSecondaryIndexSettings[0].ProvisionedWriteCapacityUnits);
        foreach (var replica in updated)
        {
            var writes = replica.ReplicaProvisionedWriteCapacityAutoScalingSettings;
            Assert.Equal((false, 7L, 20L), (writes.AutoScalingDisabled!.Value, writes.MinimumUnits!.Value, writes.MaximumUnits!.Value));
            var policy = Assert.Single(writes.ScalingPolicies);
            Assert.Equal($"DynamoDBWriteCapacityUtilization:table/{table}", policy.PolicyName);
            Assert.Equal(70, policy.TargetTrackingScalingPolicyConfiguration.TargetValue);
        }
        Assert.True(east.ReplicaProvisionedReadCapacityAutoScalingSettings.AutoScalingDisabled);
        Assert.Equal((12L, 50L), (west.ReplicaProvisionedReadCapacityAutoScalingSettings.MinimumUnits!.Value, west.ReplicaProvisionedReadCapacityAutoScalingSettings.MaximumUnits!.Value));

        // Each region's table has its settings; West's auto scaling brings its reads up to the minimum it was given.
        var eastTable = (await East.DescribeTableAsync(table)).Table;
        Assert.Equal((3L, 7L), (eastTable.ProvisionedThroughput.ReadCapacityUnits!.Value, eastTable.ProvisionedThroughput.WriteCapacityUnits!.Value));
        Assert.Equal(TableClass.STANDARD_INFREQUENT_ACCESS, eastTable.TableClassSummary.TableClass);
        await Eventually(async () => (await West.DescribeTableAsync(table)).Table.ProvisionedThroughput.ReadCapacityUnits == 12, "West's reads are scaled to 12");

        // Refused as DynamoDB refuses them, in no region changing anything.
        var notGlobal = await CreateStreamedTable(West, "legacysetno");
        await Assert.ThrowsAsync<GlobalTableNotFoundException>(() => West.DescribeGlobalTableSettingsAsync(new DescribeGlobalTableSettingsRequest { GlobalTableName = notGlobal }));
        await Assert.ThrowsAsync<GlobalTableNotFoundException>(() => West.UpdateGlobalTableSettingsAsync(new UpdateGlobalTableSettingsRequest { GlobalTableName = notGlobal, GlobalTableProvisionedWriteCapacityUnits = 9 }));
        var region = await Assert.ThrowsAsync<ReplicaNotFoundException>(() => West.UpdateGlobalTableSettingsAsync(new UpdateGlobalTableSettingsRequest
        {
            GlobalTableName = table, GlobalTableProvisionedWriteCapacityUnits = 9,
            ReplicaSettingsUpdate = [new ReplicaSettingsUpdate { RegionName = "ap-south-1", ReplicaProvisionedReadCapacityUnits = 9 }],
        }));
        Assert.Equal($"Replica not found: Replica in region: 'ap-south-1' is not part of global table: '{table}'.", region.Message);
        await Assert.ThrowsAsync<IndexNotFoundException>(() => West.UpdateGlobalTableSettingsAsync(new UpdateGlobalTableSettingsRequest
        {
            GlobalTableName = table, GlobalTableProvisionedWriteCapacityUnits = 9,
            GlobalTableGlobalSecondaryIndexSettingsUpdate = [new GlobalTableGlobalSecondaryIndexSettingsUpdate { IndexName = "no-such-index", ProvisionedWriteCapacityUnits = 9 }],
        }));
        await ThrowsValidation(() => West.UpdateGlobalTableSettingsAsync(new UpdateGlobalTableSettingsRequest
        {
            GlobalTableName = table, GlobalTableBillingMode = BillingMode.PAY_PER_REQUEST, GlobalTableProvisionedWriteCapacityUnits = 9,
        }), "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        var none = 0L; // below the SDK's analyzer's minimum, for the server to refuse
        await ThrowsValidation(() => West.UpdateGlobalTableSettingsAsync(new UpdateGlobalTableSettingsRequest { GlobalTableName = table, GlobalTableProvisionedWriteCapacityUnits = none }),
            "1 validation error detected: Value '0' at 'globalTableProvisionedWriteCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1");
        Assert.Equal(7, (await East.DescribeTableAsync(table)).Table.ProvisionedThroughput.WriteCapacityUnits);

        // On demand in every region; the AWS CLI reads the settings as it reads DynamoDB's.
        var onDemand = (await West.UpdateGlobalTableSettingsAsync(new UpdateGlobalTableSettingsRequest { GlobalTableName = table, GlobalTableBillingMode = BillingMode.PAY_PER_REQUEST })).ReplicaSettings;
        Assert.All(onDemand, s => Assert.Equal(BillingMode.PAY_PER_REQUEST, s.ReplicaBillingModeSummary.BillingMode));
        Assert.Equal(BillingMode.PAY_PER_REQUEST, (await East.DescribeTableAsync(table)).Table.BillingModeSummary.BillingMode);
        var cli = await AwsCli.RunAsync(regions.WestSilo.EndpointUrl, "dynamodb", "describe-global-table-settings", "--global-table-name", table);
        Assert.True(cli.ExitCode == 0, cli.Error);
        var settings = JsonDocument.Parse(cli.Output).RootElement.GetProperty("ReplicaSettings").EnumerateArray().ToList();
        Assert.Equal([West2017, East2017], settings.Select(s => s.GetProperty("RegionName").GetString()));
        Assert.All(settings, s => Assert.Equal("PAY_PER_REQUEST", s.GetProperty("ReplicaBillingModeSummary").GetProperty("BillingMode").GetString()));
    }
}
