using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.Tests.Wire;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.GlobalTables;

/// <summary>Version 2019.11.21: the settings a replica is made with (ReplicaUpdates Create), and what a replica added later starts from.</summary>
public sealed partial class GlobalTablesWireTests
{
    private static Task<UpdateTableResponse> CreateReplica(AmazonDynamoDBClient client, string table, CreateReplicationGroupMemberAction create) =>
        client.UpdateTableAsync(new UpdateTableRequest { TableName = table, ReplicaUpdates = [new ReplicationGroupUpdate { Create = create }] });

    [Fact]
    public async Task A_replica_created_with_settings_of_its_own_is_made_with_them_described_everywhere_and_held_to_them()
    {
        var table = await CreateProvisionedStreamedTable("createown");
        await West.PutItemAsync(table, Item(("pk", S("a")), ("g", S("x"))));
        // The AWS CLI's shape of the action.
        var cli = await AwsCli.RunAsync(regions.WestSilo.EndpointUrl, "dynamodb", "update-table", "--table-name", table,
            "--replica-updates", $$$"""
            [{"Create":{"RegionName":"{{{TwoRegionsFixture.East}}}","ProvisionedThroughputOverride":{"ReadCapacityUnits":1},
              "GlobalSecondaryIndexes":[{"IndexName":"by-g","ProvisionedThroughputOverride":{"ReadCapacityUnits":2}}],
              "TableClassOverride":"STANDARD_INFREQUENT_ACCESS"}}]
            """);
        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Contains("\"TableClass\": \"STANDARD_INFREQUENT_ACCESS\"", cli.Output, StringComparison.Ordinal);

        AssertEastOverrides(Assert.Single((await West.DescribeTableAsync(table)).Table.Replicas));
        var westTable = (await West.DescribeTableAsync(table)).Table;
        Assert.Equal(100, westTable.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(100, Assert.Single(westTable.GlobalSecondaryIndexes).ProvisionedThroughput.ReadCapacityUnits);

        // East's table was made with them (not counted as a decrease), and lists West with the table's settings.
        var eastTable = (await East.DescribeTableAsync(table)).Table;
        Assert.Equal(1, eastTable.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(0, eastTable.ProvisionedThroughput.NumberOfDecreasesToday);
        Assert.Equal(5, eastTable.ProvisionedThroughput.WriteCapacityUnits);
        Assert.Equal(2, Assert.Single(eastTable.GlobalSecondaryIndexes).ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(TableClass.STANDARD_INFREQUENT_ACCESS, eastTable.TableClassSummary.TableClass);
        var westInEast = Assert.Single(eastTable.Replicas);
        Assert.Null(westInEast.ProvisionedThroughputOverride);
        Assert.Null(westInEast.ReplicaTableClassSummary);

        // East throttles reads of the table and of its index at its own capacity; West does not.
        await Eventually(async () => await ReplicaStatus(West, table, TwoRegionsFixture.East) == "ACTIVE", "the replica is ACTIVE");
        await AssertEastThrottlesAtItsOwnReadCapacity(table);
    }

    [Fact]
    public async Task Create_settings_that_cannot_be_had_get_the_errors_of_Update_and_change_nothing()
    {
        var table = await CreateStreamedTable(West, "createbad");
        CreateReplicationGroupMemberAction ToEast(Action<CreateReplicationGroupMemberAction> settings)
        {
            var create = new CreateReplicationGroupMemberAction { RegionName = TwoRegionsFixture.East };
            settings(create);
            return create;
        }
        var none = 0L; // below the SDK's analyzer's minimum, for the server to refuse
        await ThrowsValidation(() => CreateReplica(West, table, ToEast(c => c.ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = none })),
            "1 validation error detected: Value '0' at 'replicaUpdates.1.member.create.provisionedThroughputOverride.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1");
        await ThrowsValidation(() => CreateReplica(West, table, ToEast(c => c.ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = 5 })),
            $"One or more parameter values were invalid: ProvisionedThroughputOverride should not be specified for replica: {TwoRegionsFixture.East} when BillingMode is PAY_PER_REQUEST");
        await ThrowsValidation(() => CreateReplica(West, table, ToEast(c => c.GlobalSecondaryIndexes =
            [new ReplicaGlobalSecondaryIndex { IndexName = "by-g", ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = 5 } }])),
            $"One or more parameter values were invalid: ProvisionedThroughputOverride should not be specified for index: by-g of replica: {TwoRegionsFixture.East} when BillingMode is PAY_PER_REQUEST");
        var unknown = await Assert.ThrowsAsync<ResourceNotFoundException>(() => CreateReplica(West, table, ToEast(c => c.GlobalSecondaryIndexes =
            [new ReplicaGlobalSecondaryIndex { IndexName = "no-such-index", OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 5 } }])));
        Assert.Equal($"Requested resource not found: Index no-such-index for table {table}", unknown.Message);
        await ThrowsValidation(() => CreateReplica(West, table, ToEast(c => c.KMSMasterKeyId = "alias/mine")),
            "One or more parameter values were invalid: KMSMasterKeyId is not supported here: tables are not encrypted with AWS KMS keys by the project");
        Assert.Null((await West.DescribeTableAsync(table)).Table.Replicas);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => East.DescribeTableAsync(table));

        // An on-demand replica is made with its own maxima and class.
        var response = await CreateReplica(West, table, ToEast(c =>
        {
            c.OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 7 };
            c.GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "by-g", OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 3 } }];
            c.TableClassOverride = TableClass.STANDARD_INFREQUENT_ACCESS;
        }));
        var east = Assert.Single(response.TableDescription.Replicas);
        Assert.Equal(7, east.OnDemandThroughputOverride.MaxReadRequestUnits);
        Assert.Equal(3, Assert.Single(east.GlobalSecondaryIndexes).OnDemandThroughputOverride.MaxReadRequestUnits);
        Assert.Equal(TableClass.STANDARD_INFREQUENT_ACCESS, east.ReplicaTableClassSummary.TableClass);
        var eastTable = (await East.DescribeTableAsync(table)).Table;
        Assert.Equal(7, eastTable.OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(3, Assert.Single(eastTable.GlobalSecondaryIndexes).OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(TableClass.STANDARD_INFREQUENT_ACCESS, eastTable.TableClassSummary.TableClass);
        Assert.Equal(-1, (await West.DescribeTableAsync(table)).Table.OnDemandThroughput.MaxReadRequestUnits);
    }

    [Fact]
    public async Task A_replica_added_later_from_a_region_with_units_of_its_own_starts_from_the_tables_and_every_region_learns_its_own()
    {
        var south = await regions.StartSouthAsync();
        var table = await CreateProvisionedStreamedTable("addedlater");
        await AddReplica(West, table, TwoRegionsFixture.East);
        // West gets units of its own (from East), then the table's change in West (to 80) leaves them, and is the table's.
        await East.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            ReplicaUpdates = [new ReplicationGroupUpdate { Update = new UpdateReplicationGroupMemberAction
            {
                RegionName = TwoRegionsFixture.West,
                ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = 20 },
                GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "by-g", ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = 30 } }],
            } }],
        });
        await West.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(80, 5) });
        await West.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Update = new UpdateGlobalSecondaryIndexAction { IndexName = "by-g", ProvisionedThroughput = new ProvisionedThroughput(70, 5) } }],
        });
        var westTable = (await West.DescribeTableAsync(table)).Table;
        Assert.Equal(20, westTable.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(30, Assert.Single(westTable.GlobalSecondaryIndexes).ProvisionedThroughput.ReadCapacityUnits);

        // West adds South, with a class of its own: South starts from the table's units, not West's.
        await CreateReplica(West, table, new CreateReplicationGroupMemberAction { RegionName = TwoRegionsFixture.South, TableClassOverride = TableClass.STANDARD_INFREQUENT_ACCESS });
        var southTable = (await south.DescribeTableAsync(table)).Table;
        Assert.Equal(80, southTable.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(70, Assert.Single(southTable.GlobalSecondaryIndexes).ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(TableClass.STANDARD_INFREQUENT_ACCESS, southTable.TableClassSummary.TableClass);
        var westInSouth = southTable.Replicas.Single(r => r.RegionName == TwoRegionsFixture.West);
        Assert.Equal(20, westInSouth.ProvisionedThroughputOverride.ReadCapacityUnits);
        Assert.Equal(30, Assert.Single(westInSouth.GlobalSecondaryIndexes).ProvisionedThroughputOverride.ReadCapacityUnits);
        Assert.Null(southTable.Replicas.Single(r => r.RegionName == TwoRegionsFixture.East).ProvisionedThroughputOverride);

        // Every region describes South's own class, East once its queue of owed messages has reached it.
        static string? SouthClass(Amazon.DynamoDBv2.Model.TableDescription described) =>
            described.Replicas?.SingleOrDefault(r => r.RegionName == TwoRegionsFixture.South)?.ReplicaTableClassSummary?.TableClass?.Value;
        Assert.Equal("STANDARD_INFREQUENT_ACCESS", SouthClass((await West.DescribeTableAsync(table)).Table));
        await Eventually(async () => SouthClass((await East.DescribeTableAsync(table)).Table) == "STANDARD_INFREQUENT_ACCESS", "East describes South's own class");
        var eastTable = (await East.DescribeTableAsync(table)).Table;
        Assert.Equal(80, eastTable.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(70, Assert.Single(eastTable.GlobalSecondaryIndexes).ProvisionedThroughput.ReadCapacityUnits);
        Assert.Null(eastTable.Replicas.Single(r => r.RegionName == TwoRegionsFixture.South).ProvisionedThroughputOverride);
    }
}
