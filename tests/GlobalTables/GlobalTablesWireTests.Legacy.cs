using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.GlobalTables;

/// <summary>Version 2017.11.29 of global tables: CreateGlobalTable joins tables the user made in each region.</summary>
public sealed partial class GlobalTablesWireTests
{
    private const string West2017 = TwoRegionsFixture.West;
    private const string East2017 = TwoRegionsFixture.East;

    private static async Task CreateSameTable(string name, params AmazonDynamoDBClient[] clients)
    {
        foreach (var client in clients)
            await client.CreateTableAsync(new CreateTableRequest
            {
                TableName = name,
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
                AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.N)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
                StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
            });
    }

    private static async Task<GlobalTableDescription> CreateGlobal(AmazonDynamoDBClient client, string name, params string[] regions) =>
        (await client.CreateGlobalTableAsync(new CreateGlobalTableRequest
        {
            GlobalTableName = name,
            ReplicationGroup = regions.Select(r => new Replica { RegionName = r }).ToList(),
        })).GlobalTableDescription;

    private static async Task<bool> IsGlobal(AmazonDynamoDBClient client, string name)
    {
        try
        {
            await client.DescribeGlobalTableAsync(new DescribeGlobalTableRequest { GlobalTableName = name });
            return true;
        }
        catch (GlobalTableNotFoundException)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_2017_global_table_joins_the_tables_of_each_region_replicates_both_ways_and_lets_a_replica_go()
    {
        var table = UniqueName("legacy");
        await CreateSameTable(table, West, East);
        var created = await CreateGlobal(West, table, West2017, East2017);
        Assert.Equal(table, created.GlobalTableName);
        Assert.Equal($"arn:aws:dynamodb::000000000000:global-table/{table}", created.GlobalTableArn);
        Assert.Equal([West2017, East2017], created.ReplicationGroup.Select(r => r.RegionName).Order());
        Assert.True((DateTime.UtcNow - created.CreationDateTime!.Value.ToUniversalTime()).Duration() < TimeSpan.FromMinutes(1));
        Assert.Equal("2017.11.29", (await East.DescribeTableAsync(table)).Table.GlobalTableVersion);
        await Eventually(async () => (await East.DescribeGlobalTableAsync(new DescribeGlobalTableRequest { GlobalTableName = table }))
            .GlobalTableDescription.GlobalTableStatus == GlobalTableStatus.ACTIVE, "East reports the global table ACTIVE");

        await West.PutItemAsync(table, Item(("pk", S("w")), ("sk", N("1")), ("v", S("west"))));
        await East.PutItemAsync(table, Item(("pk", S("e")), ("sk", N("1")), ("v", S("east"))));
        var both = await Converged(table);
        Assert.Equal(2, both.Split('\n').Length);

        var listed = await East.ListGlobalTablesAsync(new ListGlobalTablesRequest { RegionName = West2017 });
        Assert.Contains(listed.GlobalTables, g => g.GlobalTableName == table && g.ReplicationGroup.Count == 2);
        var again = await Assert.ThrowsAsync<GlobalTableAlreadyExistsException>(() => CreateGlobal(West, table, West2017, East2017));
        Assert.Equal("Global table with this name already exists", again.Message);
        var viaUpdateTable = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => West.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            ReplicaUpdates = [new ReplicationGroupUpdate { Delete = new DeleteReplicationGroupMemberAction { RegionName = East2017 } }],
        }));
        Assert.Equal("ValidationException", viaUpdateTable.ErrorCode);

        // Removing East from the global table leaves its table there, with its items, as a table of its own.
        var updated = (await West.UpdateGlobalTableAsync(new UpdateGlobalTableRequest
        {
            GlobalTableName = table,
            ReplicaUpdates = [new ReplicaUpdate { Delete = new DeleteReplicaAction { RegionName = East2017 } }],
        })).GlobalTableDescription;
        Assert.Equal(West2017, Assert.Single(updated.ReplicationGroup).RegionName);
        await Eventually(async () => !await IsGlobal(East, table), "East's table is no longer a replica");
        Assert.Null((await East.DescribeTableAsync(table)).Table.GlobalTableVersion);
        Assert.Equal(both, await Contents(East, table));
        var missing = await Assert.ThrowsAsync<ReplicaNotFoundException>(() => West.UpdateGlobalTableAsync(new UpdateGlobalTableRequest
        {
            GlobalTableName = table,
            ReplicaUpdates = [new ReplicaUpdate { Delete = new DeleteReplicaAction { RegionName = East2017 } }],
        }));
        Assert.Contains(East2017, missing.Message);

        // West alone is still a global table; an empty table in East can join it again, and is sent West's items.
        await East.DeleteTableAsync(table);
        await CreateSameTable(table, East);
        var rejoined = (await West.UpdateGlobalTableAsync(new UpdateGlobalTableRequest
        {
            GlobalTableName = table,
            ReplicaUpdates = [new ReplicaUpdate { Create = new CreateReplicaAction { RegionName = East2017 } }],
        })).GlobalTableDescription;
        Assert.Equal(2, rejoined.ReplicationGroup.Count);
        Assert.Equal(both, await Converged(table, both));
        await Assert.ThrowsAsync<ReplicaAlreadyExistsException>(() => West.UpdateGlobalTableAsync(new UpdateGlobalTableRequest
        {
            GlobalTableName = table,
            ReplicaUpdates = [new ReplicaUpdate { Create = new CreateReplicaAction { RegionName = East2017 } }],
        }));
    }

    [Fact]
    public async Task A_2017_global_table_is_refused_when_a_region_has_no_such_table_or_one_that_cannot_join_and_nothing_changes()
    {
        var table = UniqueName("legacyno");
        await CreateSameTable(table, West);
        var notThere = await Assert.ThrowsAsync<TableNotFoundException>(() => CreateGlobal(West, table, West2017, East2017));
        Assert.Equal($"Table not found: Table: '{table}' not found in region: '{East2017}'.", notThere.Message);
        Assert.False(await IsGlobal(West, table));
        var notGlobal = await Assert.ThrowsAsync<GlobalTableNotFoundException>(() =>
            West.DescribeGlobalTableAsync(new DescribeGlobalTableRequest { GlobalTableName = table }));
        Assert.Equal($"Global table not found: Global table with name: '{table}' does not exist.", notGlobal.Message);

        await CreateSameTable(table, East);
        await East.PutItemAsync(table, Item(("pk", S("x")), ("sk", N("1"))));
        var notEmpty = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => CreateGlobal(West, table, West2017, East2017));
        Assert.Equal("ValidationException", notEmpty.ErrorCode);
        Assert.Contains("is not empty", notEmpty.Message);
        Assert.False(await IsGlobal(West, table));
        Assert.False(await IsGlobal(East, table));

        var keys = UniqueName("legacykeys");
        await CreateSameTable(keys, West);
        await East.CreateTableAsync(new CreateTableRequest
        {
            TableName = keys,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
        var otherKeys = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => CreateGlobal(West, keys, West2017, East2017));
        Assert.Contains("same key schema", otherKeys.Message);

        var unknown = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => CreateGlobal(West, keys, West2017, "ap-south-1"));
        Assert.Contains("ap-south-1 is not configured", unknown.Message);
        Assert.DoesNotContain((await West.ListGlobalTablesAsync(new ListGlobalTablesRequest())).GlobalTables, g => g.GlobalTableName == table || g.GlobalTableName == keys);
    }
}
