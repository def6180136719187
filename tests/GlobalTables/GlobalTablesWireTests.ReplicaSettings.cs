using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.GlobalTables;

/// <summary>Version 2019.11.21: a replica's own settings (ReplicaUpdates Update), described in every region and applied in the replica's.</summary>
public sealed partial class GlobalTablesWireTests
{
    /// <summary>A PROVISIONED table with an index (100 read, 5 write units each) and write auto scaling, as a replica needs.</summary>
    private async Task<string> CreateProvisionedStreamedTable(string prefix)
    {
        var name = UniqueName(prefix);
        await West.CreateTableAsync(ProvisionedTableWithIndex(name, 100, ProjectionType.ALL));
        using var registered = await DataTier.Tests.Wire.RawRequests.SendAsync(regions.WestSilo.EndpointUrl, new StringContent(
            $$"""{"ServiceNamespace":"dynamodb","ResourceId":"table/{{name}}","ScalableDimension":"dynamodb:table:WriteCapacityUnits","MinCapacity":5,"MaxCapacity":5}"""),
            "AnyScaleFrontendService.RegisterScalableTarget");
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        return name;
    }

    private Task<UpdateTableResponse> UpdateReplica(string table, UpdateReplicationGroupMemberAction update) =>
        West.UpdateTableAsync(new UpdateTableRequest { TableName = table, ReplicaUpdates = [new ReplicationGroupUpdate { Update = update }] });

    /// <summary>How many calls of <paramref name="read"/> in a row succeed before one is throttled (all of them: <paramref name="attempts"/>).</summary>
    private static async Task<int> ReadsBeforeThrottled(Func<Task> read, int attempts = 20)
    {
        for (var i = 0; i < attempts; i++)
        {
            try
            {
                await read();
            }
            catch (ProvisionedThroughputExceededException)
            {
                return i;
            }
        }
        return attempts;
    }

    [Fact]
    public async Task A_replica_gets_read_capacity_index_capacity_and_a_class_of_its_own_described_everywhere_and_held_to_them_in_its_region()
    {
        var table = await CreateProvisionedStreamedTable("override");
        await AddReplica(West, table, TwoRegionsFixture.East);
        await West.PutItemAsync(table, Item(("pk", S("a")), ("g", S("x"))));
        await Converged(table);

        var response = await UpdateReplica(table, new UpdateReplicationGroupMemberAction
        {
            RegionName = TwoRegionsFixture.East,
            ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = 1 },
            GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "by-g", ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = 2 } }],
            TableClassOverride = TableClass.STANDARD_INFREQUENT_ACCESS,
        });
        AssertEastOverrides(Assert.Single(response.TableDescription.Replicas));

        // East's own table has them; West's keeps the table's, and East lists West without settings of its own.
        var eastTable = (await East.DescribeTableAsync(table)).Table;
        Assert.Equal(1, eastTable.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(5, eastTable.ProvisionedThroughput.WriteCapacityUnits);
        Assert.Equal(2, Assert.Single(eastTable.GlobalSecondaryIndexes).ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(TableClass.STANDARD_INFREQUENT_ACCESS, eastTable.TableClassSummary.TableClass);
        Assert.Null(Assert.Single(eastTable.Replicas).ProvisionedThroughputOverride);
        Assert.Equal(100, (await West.DescribeTableAsync(table)).Table.ProvisionedThroughput.ReadCapacityUnits);

        // East throttles reads of the table and of its index at its own capacity; West does not.
        await AssertEastThrottlesAtItsOwnReadCapacity(table);

        // Changes of the table's throughput and class, made in West and then in East, leave East's own as they are.
        await West.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(80, 5) });
        await West.UpdateTableAsync(new UpdateTableRequest { TableName = table, TableClass = TableClass.STANDARD });
        var westTable = (await West.DescribeTableAsync(table)).Table;
        Assert.Equal((80L, TableClass.STANDARD), (westTable.ProvisionedThroughput.ReadCapacityUnits!.Value, westTable.TableClassSummary.TableClass));
        eastTable = (await East.DescribeTableAsync(table)).Table;
        Assert.Equal((1L, TableClass.STANDARD_INFREQUENT_ACCESS), (eastTable.ProvisionedThroughput.ReadCapacityUnits!.Value, eastTable.TableClassSummary.TableClass));
        Assert.Equal(TableClass.STANDARD, Assert.Single(eastTable.Replicas).ReplicaTableClassSummary.TableClass);

        // The settings are kept with the table's description: a restarted West still describes them.
        await regions.WestSilo.StopAsync();
        await regions.WestSilo.StartAsync();
        AssertEastOverrides(Assert.Single((await West.DescribeTableAsync(table)).Table.Replicas));
    }

    [Fact]
    public async Task Replica_settings_that_cannot_be_had_get_DynamoDBs_errors_and_change_nothing()
    {
        var table = await CreateStreamedTable(West, "overridebad");
        await ThrowsValidation(() => UpdateReplica(table, new UpdateReplicationGroupMemberAction { RegionName = TwoRegionsFixture.East }),
            "Replica specified in the Replica Update or Replica Delete action of the request was not found.");
        await AddReplica(West, table, TwoRegionsFixture.East);
        await ThrowsValidation(() => UpdateReplica(table, new UpdateReplicationGroupMemberAction { RegionName = TwoRegionsFixture.West }),
            "Cannot add, delete, or update the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.");
        var none = 0L; // below the SDK's analyzer's minimum, for the server to refuse
        await ThrowsValidation(() => UpdateReplica(table, new UpdateReplicationGroupMemberAction
        {
            RegionName = TwoRegionsFixture.East, ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = none },
        }), "1 validation error detected: Value '0' at 'replicaUpdates.1.member.update.provisionedThroughputOverride.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1");
        await ThrowsValidation(() => UpdateReplica(table, new UpdateReplicationGroupMemberAction
        {
            RegionName = TwoRegionsFixture.East, ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = 5 },
        }), $"One or more parameter values were invalid: ProvisionedThroughputOverride should not be specified for replica: {TwoRegionsFixture.East} when BillingMode is PAY_PER_REQUEST");
        await ThrowsValidation(() => UpdateReplica(table, new UpdateReplicationGroupMemberAction
        {
            RegionName = TwoRegionsFixture.East,
            GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "by-g", ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = 5 } }],
        }), $"One or more parameter values were invalid: ProvisionedThroughputOverride should not be specified for index: by-g of replica: {TwoRegionsFixture.East} when BillingMode is PAY_PER_REQUEST");
        var unknown = await Assert.ThrowsAsync<ResourceNotFoundException>(() => UpdateReplica(table, new UpdateReplicationGroupMemberAction
        {
            RegionName = TwoRegionsFixture.East, GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "no-such-index" }],
        }));
        Assert.Equal($"Requested resource not found: Index no-such-index for table {table}", unknown.Message);
        await ThrowsValidation(() => UpdateReplica(table, new UpdateReplicationGroupMemberAction { RegionName = TwoRegionsFixture.East, KMSMasterKeyId = "alias/mine" }),
            "One or more parameter values were invalid: KMSMasterKeyId is not supported here: tables are not encrypted with AWS KMS keys by the project");
        Assert.Null(Assert.Single((await West.DescribeTableAsync(table)).Table.Replicas).ReplicaTableClassSummary);

        // An on-demand replica may still have a class of its own.
        var response = await UpdateReplica(table, new UpdateReplicationGroupMemberAction
        {
            RegionName = TwoRegionsFixture.East, TableClassOverride = TableClass.STANDARD_INFREQUENT_ACCESS,
        });
        Assert.Equal(TableClass.STANDARD_INFREQUENT_ACCESS, Assert.Single(response.TableDescription.Replicas).ReplicaTableClassSummary.TableClass);
        Assert.Equal(TableClass.STANDARD_INFREQUENT_ACCESS, (await East.DescribeTableAsync(table)).Table.TableClassSummary.TableClass);
        Assert.Null((await West.DescribeTableAsync(table)).Table.TableClassSummary);
    }

    /// <summary>A provisioned table (5 write units) with a NEW_AND_OLD_IMAGES stream and an index by-g, as global tables need.</summary>
    private static CreateTableRequest ProvisionedTableWithIndex(string name, int readUnits, ProjectionType projection) => new()
    {
        TableName = name,
        KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
        AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("g", ScalarAttributeType.S)],
        GlobalSecondaryIndexes = [new GlobalSecondaryIndex
        {
            IndexName = "by-g",
            KeySchema = [new KeySchemaElement("g", KeyType.HASH)],
            Projection = new Projection { ProjectionType = projection },
            ProvisionedThroughput = new ProvisionedThroughput(readUnits, 5),
        }],
        ProvisionedThroughput = new ProvisionedThroughput(readUnits, 5),
        StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
    };

    /// <summary>East's entry as the replica settings tests give it: 1 read unit of its own, 2 for index by-g, the infrequent-access class.</summary>
    private static void AssertEastOverrides(ReplicaDescription east)
    {
        Assert.Equal(TwoRegionsFixture.East, east.RegionName);
        Assert.Equal(1, east.ProvisionedThroughputOverride.ReadCapacityUnits);
        var index = Assert.Single(east.GlobalSecondaryIndexes);
        Assert.Equal("by-g", index.IndexName);
        Assert.Equal(2, index.ProvisionedThroughputOverride.ReadCapacityUnits);
        Assert.Equal(TableClass.STANDARD_INFREQUENT_ACCESS, east.ReplicaTableClassSummary.TableClass);
    }

    /// <summary>East, whose own read capacity is 1 unit and its index's 2, throttles reads of the table and of index by-g; West, at 20 or more, does not.</summary>
    private async Task AssertEastThrottlesAtItsOwnReadCapacity(string table)
    {
        var key = Item(("pk", S("a")));
        Task ConsistentGet(AmazonDynamoDBClient client) => client.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true });
        Task QueryIndex(AmazonDynamoDBClient client) => client.QueryAsync(new QueryRequest
        {
            TableName = table, IndexName = "by-g", KeyConditionExpression = "g = :g", ExpressionAttributeValues = Item((":g", S("x"))),
        });
        var eastOnce = regions.EastClientWithoutRetries;
        Assert.Equal(20, await ReadsBeforeThrottled(() => ConsistentGet(West)));
        Assert.True(await ReadsBeforeThrottled(() => ConsistentGet(eastOnce)) < 20, "East did not throttle reads at 1 read capacity unit");
        Assert.Equal(20, await ReadsBeforeThrottled(() => QueryIndex(West)));
        Assert.True(await ReadsBeforeThrottled(() => QueryIndex(eastOnce)) < 20, "East did not throttle its index at 2 read capacity units");
    }
}
