using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.GlobalTables;

/// <summary>Version 2019.11.21: a replica's own on-demand read maximum for a global secondary index (GlobalSecondaryIndexes[].OnDemandThroughputOverride).</summary>
public sealed partial class GlobalTablesWireTests
{
    [Fact]
    public async Task A_replica_gets_an_index_read_maximum_of_its_own_held_to_it_in_its_region_and_kept_through_changes_of_the_index()
    {
        var table = await CreateStreamedTable(West, "index-ondemand-override");
        await AddReplica(West, table, TwoRegionsFixture.East);
        var response = await UpdateReplica(table, new UpdateReplicationGroupMemberAction
        {
            RegionName = TwoRegionsFixture.East,
            GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "by-g", OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 1 } }],
        });
        var described = Assert.Single(Assert.Single(response.TableDescription.Replicas).GlobalSecondaryIndexes);
        Assert.Equal("by-g", described.IndexName);
        Assert.Equal(1, described.OnDemandThroughputOverride.MaxReadRequestUnits);
        Assert.Equal(-1, Assert.Single(response.TableDescription.GlobalSecondaryIndexes).OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(1, Assert.Single((await East.DescribeTableAsync(table)).Table.GlobalSecondaryIndexes).OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(1, Assert.Single(Assert.Single((await West.DescribeTableAsync(table)).Table.Replicas).GlobalSecondaryIndexes).OnDemandThroughputOverride.MaxReadRequestUnits);

        // A 40 KB entry costs five units a query: East refuses the index's reads past its one unit a second, West does not.
        await West.PutItemAsync(table, Item(("pk", S("big")), ("sk", N("1")), ("g", S("x")), ("data", S(new string('x', 40 * 1024)))));
        var query = new QueryRequest
        {
            TableName = table, IndexName = "by-g", KeyConditionExpression = "g = :g",
            ExpressionAttributeValues = Item((":g", S("x"))),
        };
        await Eventually(async () => (await East.QueryAsync(query)).Count == 1, "the entry reached East's index");
        ThrottlingException? throttled = null;
        for (var i = 0; i < 10 && throttled is null; i++)
            throttled = await Record.ExceptionAsync(() => regions.EastClientWithoutRetries.QueryAsync(query)) as ThrottlingException;
        Assert.Equal("IndexReadMaxOnDemandThroughputExceeded", Assert.Single(throttled!.ThrottlingReasons).Reason);
        for (var i = 0; i < 10; i++) await West.QueryAsync(query);

        // The index's maxima set in West reach East, whose own read maximum stays.
        await West.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Update = new UpdateGlobalSecondaryIndexAction
            {
                IndexName = "by-g", OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 500, MaxWriteRequestUnits = 800 },
            } }],
        });
        await Eventually(async () => Assert.Single((await East.DescribeTableAsync(table)).Table.GlobalSecondaryIndexes).OnDemandThroughput.MaxWriteRequestUnits == 800,
            "the index's write maximum reached East");
        Assert.Equal(1, Assert.Single((await East.DescribeTableAsync(table)).Table.GlobalSecondaryIndexes).OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(500, Assert.Single((await West.DescribeTableAsync(table)).Table.GlobalSecondaryIndexes).OnDemandThroughput.MaxReadRequestUnits);

        await ThrowsValidation(() => UpdateReplica(table, new UpdateReplicationGroupMemberAction
        {
            RegionName = TwoRegionsFixture.East,
            GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "by-g", OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 0 } }],
        }), "replicaUpdates.1.member.update.globalSecondaryIndexes.1.member.onDemandThroughputOverride.maxReadRequestUnits", exact: false);
    }

    [Fact]
    public async Task A_switch_to_provisioned_and_back_leaves_a_replica_the_tables_read_maxima_not_its_own()
    {
        var table = await CreateStreamedTable(West, "ondemand-override-billing");
        await AddReplica(West, table, TwoRegionsFixture.East);
        await West.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table, OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 400 },
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Update = new UpdateGlobalSecondaryIndexAction
            {
                IndexName = "by-g", OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 500 },
            } }],
        });
        await Eventually(async () => Assert.Single((await East.DescribeTableAsync(table)).Table.GlobalSecondaryIndexes).OnDemandThroughput.MaxReadRequestUnits == 500,
            "the maxima reached East");
        await UpdateReplica(table, new UpdateReplicationGroupMemberAction
        {
            RegionName = TwoRegionsFixture.East,
            OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 3 },
            GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "by-g", OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 2 } }],
        });
        var east = (await East.DescribeTableAsync(table)).Table;
        Assert.Equal(3, east.OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(2, Assert.Single(east.GlobalSecondaryIndexes).OnDemandThroughput.MaxReadRequestUnits);

        // PROVISIONED has no maxima, so East's own are dropped; back on demand, East has the table's again, as West has.
        await West.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table, BillingMode = BillingMode.PROVISIONED, ProvisionedThroughput = new ProvisionedThroughput { ReadCapacityUnits = 5, WriteCapacityUnits = 5 },
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Update = new UpdateGlobalSecondaryIndexAction
            {
                IndexName = "by-g", ProvisionedThroughput = new ProvisionedThroughput { ReadCapacityUnits = 5, WriteCapacityUnits = 5 },
            } }],
        });
        await Eventually(async () => (await East.DescribeTableAsync(table)).Table.BillingModeSummary?.BillingMode == BillingMode.PROVISIONED, "East switched to PROVISIONED");
        await West.UpdateTableAsync(new UpdateTableRequest { TableName = table, BillingMode = BillingMode.PAY_PER_REQUEST });
        await Eventually(async () => (await East.DescribeTableAsync(table)).Table.BillingModeSummary?.BillingMode == BillingMode.PAY_PER_REQUEST, "East switched back");
        east = (await East.DescribeTableAsync(table)).Table;
        Assert.Equal(400, east.OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(500, Assert.Single(east.GlobalSecondaryIndexes).OnDemandThroughput.MaxReadRequestUnits);
        var west = (await West.DescribeTableAsync(table)).Table;
        Assert.Equal(400, west.OnDemandThroughput.MaxReadRequestUnits);
        Assert.Null(Assert.Single(west.Replicas).OnDemandThroughputOverride);
    }

    [Fact]
    public async Task An_index_read_maximum_of_a_replica_is_refused_on_a_provisioned_table()
    {
        var table = await CreateProvisionedStreamedTable("index-ondemand-provisioned");
        await AddReplica(West, table, TwoRegionsFixture.East);
        await ThrowsValidation(() => UpdateReplica(table, new UpdateReplicationGroupMemberAction
        {
            RegionName = TwoRegionsFixture.East,
            GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "by-g", OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 5 } }],
        }), $"OnDemandThroughputOverride should not be specified for index: by-g of replica: {TwoRegionsFixture.East} when BillingMode is PROVISIONED", exact: false);
    }
}
