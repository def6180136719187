using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.GlobalTables;

/// <summary>Global tables between two clusters, through the AWS SDK: replicas made and removed with UpdateTable, writes sent both ways, last writer winning.</summary>
public sealed partial class GlobalTablesWireTests(TwoRegionsFixture regions) : IClassFixture<TwoRegionsFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private AmazonDynamoDBClient West => regions.WestClient;
    private AmazonDynamoDBClient East => regions.EastClient;

    private static async Task<string> CreateStreamedTable(AmazonDynamoDBClient client, string prefix)
    {
        var name = UniqueName(prefix);
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.N),
                new AttributeDefinition("g", ScalarAttributeType.S)],
            GlobalSecondaryIndexes = [new GlobalSecondaryIndex
            {
                IndexName = "by-g",
                KeySchema = [new KeySchemaElement("g", KeyType.HASH)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            }],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
        return name;
    }

    private static async Task AddReplica(AmazonDynamoDBClient client, string table, string region)
    {
        var response = await client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            ReplicaUpdates = [new ReplicationGroupUpdate { Create = new CreateReplicationGroupMemberAction { RegionName = region } }],
        });
        Assert.Equal("2019.11.21", response.TableDescription.GlobalTableVersion);
        Assert.Equal(region, Assert.Single(response.TableDescription.Replicas).RegionName);
    }

    private static async Task<string> Contents(AmazonDynamoDBClient client, string table)
    {
        var items = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true, ExclusiveStartKey = start });
            items.AddRange(page.Items.Select(Render));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (start is not null);
        return string.Join("\n", items.Order(StringComparer.Ordinal));
    }

    /// <summary>Waits until both regions hold the same items (and, if given, until <paramref name="expected"/> is what they hold).</summary>
    private async Task<string> Converged(string table, string? expected = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var west = await Contents(West, table);
            var east = await Contents(East, table);
            if (west == east && (expected is null || west == expected)) return west;
            if (DateTime.UtcNow > deadline) Assert.Fail($"The regions did not converge.\nwest:\n{west}\neast:\n{east}\nexpected:\n{expected}");
            await Task.Delay(50);
        }
    }

    private static async Task<string?> ReplicaStatus(AmazonDynamoDBClient client, string table, string region) =>
        (await client.DescribeTableAsync(table)).Table.Replicas?.SingleOrDefault(r => r.RegionName == region)?.ReplicaStatus?.Value;

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting until " + what);
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_new_replica_gets_the_items_already_there_then_every_write_in_either_region()
    {
        var table = await CreateStreamedTable(West, "global");
        for (var i = 0; i < 120; i++)
            await West.PutItemAsync(table, Item(("pk", S($"p{i % 7}")), ("sk", N(i.ToString())), ("g", S($"g{i % 3}")), ("v", N(i.ToString())),
                ("pad", S(new string('p', 1500)))));
        await West.DeleteItemAsync(table, Item(("pk", S("p0")), ("sk", N("0"))));
        await AddReplica(West, table, TwoRegionsFixture.East);
        await Eventually(async () => await ReplicaStatus(West, table, TwoRegionsFixture.East) == "ACTIVE", "the replica is ACTIVE");
        var described = (await East.DescribeTableAsync(table)).Table;
        Assert.Equal(TwoRegionsFixture.West, Assert.Single(described.Replicas).RegionName);
        Assert.Equal("ACTIVE", described.Replicas[0].ReplicaStatus.Value);
        Assert.Equal(StreamViewType.NEW_AND_OLD_IMAGES, described.StreamSpecification.StreamViewType);
        Assert.Equal("by-g", Assert.Single(described.GlobalSecondaryIndexes).IndexName);
        var copied = await Converged(table);
        Assert.Equal(119, copied.Split('\n').Length);
        // The partitions of both regions were split meanwhile (40 KB each at most, see the fixture).
        await Eventually(() => Task.FromResult(regions.WestSilo.Output.Contains($"of table {table} into")), "West's partitions split");

        // Writes of every kind, made in either region, reach the other.
        await East.PutItemAsync(table, Item(("pk", S("east")), ("sk", N("1")), ("g", S("g9")), ("v", N("1"))));
        await East.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table, Key = Item(("pk", S("p1")), ("sk", N("1"))),
            UpdateExpression = "SET v = v + :one, tag = :t", ExpressionAttributeValues = Item((":one", N("1")), (":t", S("east"))),
        });
        await West.DeleteItemAsync(table, Item(("pk", S("p2")), ("sk", N("2"))));
        await West.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = table, Item = Item(("pk", S("tx")), ("sk", N("1")), ("g", S("g9"))) } },
                new TransactWriteItem { Delete = new Delete { TableName = table, Key = Item(("pk", S("p3")), ("sk", N("3"))) } },
            ],
        });
        var after = await Converged(table);
        Assert.Contains("\"tag\"={S:\"east\"}", after);
        Assert.Contains("\"pk\"={S:\"tx\"}", after);
        Assert.DoesNotContain("\"pk\"={S:\"p2\"},\"sk\"={N:2}", after);
        Assert.Equal(119 + 2 - 2, after.Split('\n').Length);
        // A split is logged once done, which a loaded machine may take a moment longer to reach.
        await Eventually(() => Task.FromResult(regions.EastSilo.Output.Contains($"of table {table} into")), "East's partitions split");

        // Replicated writes feed the other region's indexes.
        await Eventually(async () => (await West.QueryAsync(new QueryRequest
        {
            TableName = table, IndexName = "by-g", KeyConditionExpression = "g = :g", ExpressionAttributeValues = Item((":g", S("g9"))),
        })).Count == 2, "the West index has East's item and the transaction's");
    }

    [Fact]
    public async Task Concurrent_writes_to_the_same_items_in_both_regions_converge_on_the_last_writer()
    {
        var table = await CreateStreamedTable(West, "conflicts");
        await AddReplica(West, table, TwoRegionsFixture.East);
        await Eventually(async () => await ReplicaStatus(West, table, TwoRegionsFixture.East) == "ACTIVE", "the replica is ACTIVE");
        async Task Writer(AmazonDynamoDBClient client, string region)
        {
            for (var i = 0; i < 60; i++)
            {
                var key = Item(("pk", S($"k{i % 4}")), ("sk", N("0")));
                if (i % 9 == 8) await client.DeleteItemAsync(table, key);
                else await client.PutItemAsync(table, Item(("pk", S($"k{i % 4}")), ("sk", N("0")), ("by", S(region)), ("i", N(i.ToString()))));
            }
        }
        await Task.WhenAll(Writer(West, "west"), Writer(East, "east"));
        await Converged(table);

        // Afterwards, a write in one region is the last and wins everywhere.
        await East.PutItemAsync(table, Item(("pk", S("k1")), ("sk", N("0")), ("by", S("final"))));
        var final = await Converged(table);
        Assert.Contains("{\"by\"={S:\"final\"},\"pk\"={S:\"k1\"},\"sk\"={N:0}}", final);
    }

    [Fact]
    public async Task Writes_made_while_a_region_is_down_reach_it_once_it_is_back()
    {
        var table = await CreateStreamedTable(West, "outage");
        await AddReplica(West, table, TwoRegionsFixture.East);
        await Eventually(async () => await ReplicaStatus(West, table, TwoRegionsFixture.East) == "ACTIVE", "the replica is ACTIVE");
        await regions.EastSilo.StopAsync();
        for (var i = 0; i < 40; i++)
            await West.PutItemAsync(table, Item(("pk", S($"p{i % 5}")), ("sk", N(i.ToString())), ("v", S(new string('x', 1000)))));
        await West.DeleteItemAsync(table, Item(("pk", S("p0")), ("sk", N("0"))));
        await regions.EastSilo.StartAsync();
        var contents = await Converged(table);
        Assert.Equal(39, contents.Split('\n').Length);
    }

    [Fact]
    public async Task Settings_and_group_changes_made_while_a_region_is_down_reach_it_once_it_is_back()
    {
        var changed = await CreateStreamedTable(West, "owed");
        var left = await CreateStreamedTable(West, "owedleft");
        var removed = await CreateStreamedTable(West, "owedgone");
        foreach (var table in new[] { changed, left, removed }) await AddReplica(West, table, TwoRegionsFixture.East);
        await regions.EastSilo.StopAsync();
        // Each is made here at once, whatever the other region's state.
        await West.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = changed, TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        });
        await West.DeleteTableAsync(left);
        var response = await West.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = removed,
            ReplicaUpdates = [new ReplicationGroupUpdate { Delete = new DeleteReplicationGroupMemberAction { RegionName = TwoRegionsFixture.East } }],
        });
        Assert.True(response.TableDescription.Replicas is null or { Count: 0 });
        // What West owes East is kept in its store: a restart of West loses none of it.
        await regions.WestSilo.StopAsync();
        await regions.WestSilo.StartAsync();

        await regions.EastSilo.StartAsync();
        await Eventually(async () => (await East.DescribeTimeToLiveAsync(changed)).TimeToLiveDescription.AttributeName == "expires",
            "East has the time to live set while it was down");
        await Eventually(async () => (await East.DescribeTableAsync(left)).Table.Replicas is null or { Count: 0 },
            "East's table no longer replicates to the region that deleted it");
        await East.PutItemAsync(left, Item(("pk", S("after")), ("sk", N("1"))));
        Assert.Single((await East.ScanAsync(new ScanRequest { TableName = left, ConsistentRead = true })).Items);
        await Eventually(async () => (await East.ListTablesAsync()).TableNames.All(n => n != removed), "East deleted the replica removed while it was down");
    }

    [Fact]
    public async Task Index_and_time_to_live_changes_made_in_one_region_are_made_in_the_other()
    {
        var table = await CreateStreamedTable(West, "settings");
        await AddReplica(West, table, TwoRegionsFixture.East);
        await East.PutItemAsync(table, Item(("pk", S("a")), ("sk", N("1")), ("colour", S("red"))));
        await West.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            AttributeDefinitions = [new AttributeDefinition("colour", ScalarAttributeType.S)],
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate
            {
                Create = new CreateGlobalSecondaryIndexAction
                {
                    IndexName = "by-colour",
                    KeySchema = [new KeySchemaElement("colour", KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                },
            }],
        });
        var east = (await East.DescribeTableAsync(table)).Table;
        Assert.Contains(east.GlobalSecondaryIndexes, i => i.IndexName == "by-colour");
        await Eventually(async () => (await East.QueryAsync(new QueryRequest
        {
            TableName = table, IndexName = "by-colour", KeyConditionExpression = "colour = :c", ExpressionAttributeValues = Item((":c", S("red"))),
        })).Count == 1, "East's new index has its item");

        await East.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = table, TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        });
        var ttl = (await West.DescribeTimeToLiveAsync(table)).TimeToLiveDescription;
        Assert.Equal("ENABLED", ttl.TimeToLiveStatus.Value);
        Assert.Equal("expires", ttl.AttributeName);

        await East.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "by-colour" } }],
        });
        Assert.DoesNotContain((await West.DescribeTableAsync(table)).Table.GlobalSecondaryIndexes, i => i.IndexName == "by-colour");
    }

    [Fact]
    public async Task Removing_a_replica_deletes_the_table_there_and_stops_sending_to_it()
    {
        var table = await CreateStreamedTable(West, "removed");
        await AddReplica(West, table, TwoRegionsFixture.East);
        await West.PutItemAsync(table, Item(("pk", S("a")), ("sk", N("1"))));
        await Converged(table);
        var response = await West.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            ReplicaUpdates = [new ReplicationGroupUpdate { Delete = new DeleteReplicationGroupMemberAction { RegionName = TwoRegionsFixture.East } }],
        });
        Assert.True(response.TableDescription.Replicas is null or { Count: 0 });
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => East.DescribeTableAsync(table));
        await West.PutItemAsync(table, Item(("pk", S("b")), ("sk", N("1"))));
        Assert.Equal(2, (await West.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true })).Count);
        // Added again, the region is sent everything, not only what was written since it left.
        await AddReplica(West, table, TwoRegionsFixture.East);
        Assert.Equal(2, (await Converged(table)).Split('\n').Length);

        // Deleting the table in one region leaves the other's as a table of its own.
        var other = await CreateStreamedTable(East, "left");
        await AddReplica(East, other, TwoRegionsFixture.West);
        await West.DeleteTableAsync(other);
        Assert.True((await East.DescribeTableAsync(other)).Table.Replicas is null or { Count: 0 });
        await East.PutItemAsync(other, Item(("pk", S("still")), ("sk", N("1"))));
    }

    [Fact]
    public async Task Replica_updates_that_cannot_be_made_get_DynamoDBs_errors()
    {
        var plain = UniqueName("nostream");
        await CreateTable(West, plain, ("pk", ScalarAttributeType.S), billing: BillingMode.PAY_PER_REQUEST);
        Task Create(string table, string region) => West.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table, ReplicaUpdates = [new ReplicationGroupUpdate { Create = new CreateReplicationGroupMemberAction { RegionName = region } }],
        });
        await ThrowsValidation(() => Create(plain, TwoRegionsFixture.East),
            $"Table: {plain} must have DynamoDB Streams enabled with StreamViewType NEW_AND_OLD_IMAGES to have replicas");
        var table = await CreateStreamedTable(West, "errors");
        await ThrowsValidation(() => Create(table, "ap-south-1"),
            "One or more parameter values were invalid: Region ap-south-1 is not configured (GlobalTables:Regions:ap-south-1)");
        await ThrowsValidation(() => Create(table, TwoRegionsFixture.West),
            "Cannot add, delete, or update the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.");
        await ThrowsValidation(() => West.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table, ReplicaUpdates = [new ReplicationGroupUpdate { Delete = new DeleteReplicationGroupMemberAction { RegionName = TwoRegionsFixture.East } }],
        }), "Replica specified in the Replica Update or Replica Delete action of the request was not found.");

        var provisioned = UniqueName("provisioned");
        await West.CreateTableAsync(new CreateTableRequest
        {
            TableName = provisioned,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(5, 5),
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
        await ThrowsValidation(() => Create(provisioned, TwoRegionsFixture.East), "Table write capacity should either be Pay-Per-Request or AutoScaled.");

        // A table of the same name already in the other region.
        await CreateStreamedTableNamed(East, table);
        await ThrowsValidation(() => Create(table, TwoRegionsFixture.East),
            $"Failed to create a the new replica of table with name: '{table}' because one or more replicas already existed as tables.");
        await East.DeleteTableAsync(table);
        await Create(table, TwoRegionsFixture.East);
        await ThrowsValidation(() => Create(table, TwoRegionsFixture.East),
            $"Failed to create a the new replica of table with name: '{table}' because one or more replicas already existed as tables.");
        await ThrowsValidation(() => West.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table, StreamSpecification = new StreamSpecification { StreamEnabled = false },
        }), $"Table: {table} has replicas in other regions: its stream (NEW_AND_OLD_IMAGES) cannot be disabled");
    }

    [Fact]
    public async Task Replicated_writes_that_are_not_the_tables_get_a_validation_error_and_change_nothing()
    {
        var table = await CreateStreamedTable(West, "malformed");
        async Task<string> Apply(string writes)
        {
            using var response = await DataTier.Tests.Wire.RawRequests.SendAsync(regions.WestSilo.EndpointUrl,
                new StringContent($"{{\"TableName\":\"{table}\",\"Writes\":[{writes}]}}"), "DataTierReplication_20261128.ApplyWrites");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            return body;
        }
        Assert.Contains("ValidationException", await Apply("{\"Keys\":{\"pk\":{\"S\":\"a\"}},\"Time\":1,\"Region\":\"x\"}"));
        Assert.Contains("a replicated item's key differs from its Keys", await Apply(
            "{\"Keys\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},\"Item\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"1\"}},\"Time\":1,\"Region\":\"x\"}"));
        Assert.Equal(0, (await West.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true })).Count);
    }

    private static async Task CreateStreamedTableNamed(AmazonDynamoDBClient client, string name) =>
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
}
