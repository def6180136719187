using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.Tests.Wire;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.GlobalTables;

/// <summary>Version 2019.11.21: a replica's own on-demand maximum (OnDemandThroughputOverride) and the replicas' auto scaling (Describe/UpdateTableReplicaAutoScaling).</summary>
public sealed partial class GlobalTablesWireTests
{
    [Fact]
    public async Task A_replica_gets_a_maximum_of_its_own_held_to_it_in_its_region_and_kept_through_changes_of_the_table()
    {
        var table = await CreateStreamedTable(West, "ondemand-override");
        await AddReplica(West, table, TwoRegionsFixture.East);
        var response = await UpdateReplica(table, new UpdateReplicationGroupMemberAction
        {
            RegionName = TwoRegionsFixture.East,
            OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 1 },
        });
        Assert.Equal(1, Assert.Single(response.TableDescription.Replicas).OnDemandThroughputOverride.MaxReadRequestUnits);
        Assert.Equal(-1, response.TableDescription.OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(1, (await East.DescribeTableAsync(table)).Table.OnDemandThroughput.MaxReadRequestUnits);

        // A 40 KB item costs ten units a strongly consistent read: East refuses reads past its one unit a second, West does not.
        await West.PutItemAsync(table, Item(("pk", S("big")), ("sk", N("1")), ("data", S(new string('x', 40 * 1024)))));
        var read = new GetItemRequest { TableName = table, Key = Item(("pk", S("big")), ("sk", N("1"))), ConsistentRead = true };
        await Eventually(async () => HasItem((await East.GetItemAsync(read)).Item), "the item reached East");
        ThrottlingException? throttled = null;
        for (var i = 0; i < 10 && throttled is null; i++)
            throttled = await Record.ExceptionAsync(() => regions.EastClientWithoutRetries.GetItemAsync(read)) as ThrottlingException;
        Assert.Equal("TableReadMaxOnDemandThroughputExceeded", Assert.Single(throttled!.ThrottlingReasons).Reason);
        for (var i = 0; i < 10; i++) await West.GetItemAsync(read);

        // A maximum of the table set in West reaches East, whose own read maximum stays.
        await West.UpdateTableAsync(new UpdateTableRequest { TableName = table, OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 500, MaxWriteRequestUnits = 800 } });
        await Eventually(async () => (await East.DescribeTableAsync(table)).Table.OnDemandThroughput.MaxWriteRequestUnits == 800, "the write maximum reached East");
        Assert.Equal(1, (await East.DescribeTableAsync(table)).Table.OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(500, (await West.DescribeTableAsync(table)).Table.OnDemandThroughput.MaxReadRequestUnits);

        await ThrowsValidation(() => UpdateReplica(table, new UpdateReplicationGroupMemberAction
        {
            RegionName = TwoRegionsFixture.East,
            OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 0 },
        }), "replicaUpdates.1.member.update.onDemandThroughputOverride.maxReadRequestUnits", exact: false);
    }

    [Fact]
    public async Task UpdateTableReplicaAutoScaling_sets_write_scaling_everywhere_and_read_scaling_in_the_regions_named()
    {
        var table = await CreateProvisionedStreamedTable("replica-scaling");
        await AddReplica(West, table, TwoRegionsFixture.East);
        static AutoScalingSettingsUpdate Scaling(long min, long max) => new()
        {
            MinimumUnits = min,
            MaximumUnits = max,
            ScalingPolicyUpdate = new AutoScalingPolicyUpdate { TargetTrackingScalingPolicyConfiguration = new AutoScalingTargetTrackingScalingPolicyConfigurationUpdate { TargetValue = 70 } },
        };
        var updated = await West.UpdateTableReplicaAutoScalingAsync(new UpdateTableReplicaAutoScalingRequest
        {
            TableName = table,
            ProvisionedWriteCapacityAutoScalingUpdate = Scaling(5, 20),
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexAutoScalingUpdate { IndexName = "by-g", ProvisionedWriteCapacityAutoScalingUpdate = Scaling(5, 30) }],
            ReplicaUpdates =
            [
                new ReplicaAutoScalingUpdate
                {
                    RegionName = TwoRegionsFixture.East,
                    ReplicaProvisionedReadCapacityAutoScalingUpdate = Scaling(10, 200),
                    ReplicaGlobalSecondaryIndexUpdates = [new ReplicaGlobalSecondaryIndexAutoScalingUpdate { IndexName = "by-g", ProvisionedReadCapacityAutoScalingUpdate = Scaling(10, 150) }],
                },
            ],
        });
        Assert.Equal(table, updated.TableAutoScalingDescription.TableName);

        foreach (var client in new[] { West, East })
        {
            var described = (await client.DescribeTableReplicaAutoScalingAsync(new DescribeTableReplicaAutoScalingRequest { TableName = table })).TableAutoScalingDescription;
            Assert.Equal([TwoRegionsFixture.West, TwoRegionsFixture.East], described.Replicas.Select(r => r.RegionName).Order());
            var east = described.Replicas.Single(r => r.RegionName == TwoRegionsFixture.East);
            var west = described.Replicas.Single(r => r.RegionName == TwoRegionsFixture.West);
            Assert.Equal(200, east.ReplicaProvisionedReadCapacityAutoScalingSettings.MaximumUnits);
            Assert.Equal("DynamoDBReadCapacityUtilization:table/" + table, Assert.Single(east.ReplicaProvisionedReadCapacityAutoScalingSettings.ScalingPolicies).PolicyName);
            Assert.True(west.ReplicaProvisionedReadCapacityAutoScalingSettings.AutoScalingDisabled);
            Assert.All([east, west], r => Assert.Equal(20, r.ReplicaProvisionedWriteCapacityAutoScalingSettings.MaximumUnits));
            Assert.Equal(150, Assert.Single(east.GlobalSecondaryIndexes).ProvisionedReadCapacityAutoScalingSettings.MaximumUnits);
            Assert.Equal(30, Assert.Single(west.GlobalSecondaryIndexes).ProvisionedWriteCapacityAutoScalingSettings.MaximumUnits);
        }

        var cli = await AwsCli.RunAsync(regions.WestSilo.EndpointUrl, "dynamodb", "describe-table-replica-auto-scaling", "--table-name", table);
        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Contains("\"MaximumUnits\": 200", cli.Output, StringComparison.Ordinal);

        var error = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => West.UpdateTableReplicaAutoScalingAsync(new UpdateTableReplicaAutoScalingRequest
        {
            TableName = table,
            ReplicaUpdates = [new ReplicaAutoScalingUpdate { RegionName = "ap-south-1", ReplicaProvisionedReadCapacityAutoScalingUpdate = Scaling(1, 2) }],
        }));
        Assert.Equal("ReplicaNotFoundException", error.ErrorCode);
        Assert.Contains("ap-south-1", error.Message, StringComparison.Ordinal);
    }
}
