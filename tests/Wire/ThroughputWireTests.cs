using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>
/// PROVISIONED tables held to their capacity over the wire, on the silo's defaults (300 seconds of burst).
/// The clients do not retry, so each throttled request is seen as AWS sends it.
/// </summary>
[Collection("wire")]
public class ThroughputWireTests(SiloFixture fixture)
{
    private const string Message = "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.";

    private readonly AmazonDynamoDBClient _client = fixture.CreateClient(c => c.MaxErrorRetry = 0);

    private async Task<string> Table(long read, long write, BillingMode? billing = null)
    {
        var name = UniqueName("throughput");
        await _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = billing ?? BillingMode.PROVISIONED,
            ProvisionedThroughput = billing == BillingMode.PAY_PER_REQUEST ? null : new ProvisionedThroughput(read, write),
        });
        return name;
    }

    /// <summary>Puts small items (one write unit each) until one is refused; the count that landed and the refusal.</summary>
    private async Task<(int Landed, ProvisionedThroughputExceededException Error)> PutUntilThrottled(string table, int most)
    {
        for (var i = 0; i < most; i++)
        {
            try
            {
                await _client.PutItemAsync(table, Item(("pk", S($"k{i}")), ("v", S("x"))));
            }
            catch (ProvisionedThroughputExceededException e)
            {
                return (i, e);
            }
        }
        throw new Xunit.Sdk.XunitException($"none of {most} writes was throttled");
    }

    /// <summary>
    /// Leaves a table of one write unit 90 units in debt, 90 seconds from admitting a write: a 390 KB item is
    /// admitted on the 300 units of burst and charged 390.
    /// </summary>
    private async Task SpendWritesAsync(string table) =>
        await _client.PutItemAsync(table, Item(("pk", S("big")), ("data", S(new string('x', 390 * 1024)))));

    /// <summary>A table of 100 read and 1000 write units with a global index byG on g (ALL) of <paramref name="index"/>'s units.</summary>
    private async Task<string> TableWithIndex(string prefix, ProvisionedThroughput index)
    {
        var table = UniqueName(prefix);
        await _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("g", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(100, 1000),
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "byG",
                    KeySchema = [new KeySchemaElement("g", KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    ProvisionedThroughput = index,
                },
            ],
        });
        return table;
    }

    [Fact]
    public async Task Writes_past_the_burst_are_refused_with_AWS_error_and_the_refused_write_does_not_land()
    {
        var table = await Table(read: 100, write: 1);
        var (landed, error) = await PutUntilThrottled(table, 1000);
        // 300 seconds of one unit, plus what refilled while the writes ran.
        Assert.InRange(landed, 300, 999);
        Assert.Equal(Message, error.Message);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);

        var refused = await _client.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S($"k{landed}"))), ConsistentRead = true });
        Assert.False(HasItem(refused.Item));
        var last = await _client.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S($"k{landed - 1}"))), ConsistentRead = true });
        Assert.Equal("x", last.Item["v"].S);
    }

    [Fact]
    public async Task Raising_the_write_capacity_with_UpdateTable_admits_writes_again()
    {
        var table = await Table(read: 1, write: 1);
        await PutUntilThrottled(table, 1000);
        await _client.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(1, 2) });
        await _client.PutItemAsync(table, Item(("pk", S("after")), ("v", S("y"))));
        var (landed, _) = await PutUntilThrottled(table, 1000);
        Assert.InRange(landed, 299, 999);
    }

    [Fact]
    public async Task Reads_past_the_burst_are_refused_and_an_eventually_consistent_read_costs_half()
    {
        var table = await Table(read: 1, write: 100);
        await _client.PutItemAsync(table, Item(("pk", S("k")), ("v", S("x"))));
        var key = Item(("pk", S("k")));
        var reads = 0;
        ProvisionedThroughputExceededException? error = null;
        for (; reads < 2000 && error is null; reads++)
        {
            try
            {
                await _client.GetItemAsync(new GetItemRequest { TableName = table, Key = key });
            }
            catch (ProvisionedThroughputExceededException e)
            {
                error = e;
            }
        }
        Assert.NotNull(error);
        Assert.Equal(Message, error.Message);
        // 300 read units at half a unit each.
        Assert.InRange(reads, 600, 1999);
    }

    [Fact]
    public async Task A_large_read_leaves_a_debt_that_refuses_the_queries_and_scans_after_it()
    {
        var table = await Table(read: 1, write: 1000);
        await _client.PutItemAsync(table, Item(("pk", S("big")), ("data", S(new string('x', 390 * 1024)))));
        var key = Item(("pk", S("big")));
        // 98 read units each, from 300 of burst: the fourth read starts with 6 left and leaves a debt of 92.
        for (var i = 0; i < 4; i++) await _client.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true });
        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() =>
            _client.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true }));
        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() =>
            _client.QueryAsync(new QueryRequest
            {
                TableName = table,
                KeyConditionExpression = "pk = :k",
                ExpressionAttributeValues = new() { [":k"] = S("big") },
            }));
        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => _client.ScanAsync(new ScanRequest { TableName = table }));
        // Writes have their own capacity.
        await _client.PutItemAsync(table, Item(("pk", S("small"))));
    }

    [Fact]
    public async Task A_batch_on_a_table_with_no_capacity_left_is_refused_and_writes_nothing()
    {
        var table = await Table(read: 1, write: 1);
        await SpendWritesAsync(table);
        var error = await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => _client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [table] = [new WriteRequest(new PutRequest(Item(("pk", S("batched")), ("v", S("z")))))] },
        }));
        Assert.Equal(Message, error.Message);
        var read = await _client.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S("batched"))), ConsistentRead = true });
        Assert.False(HasItem(read.Item));
    }

    [Fact]
    public async Task A_batch_across_tables_hands_back_the_writes_of_the_table_without_capacity()
    {
        var spent = await Table(read: 1, write: 1);
        await SpendWritesAsync(spent);
        var open = await Table(read: 0, write: 0, BillingMode.PAY_PER_REQUEST);
        var response = await _client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                [spent] = [new WriteRequest(new PutRequest(Item(("pk", S("a")))))],
                [open] = [new WriteRequest(new PutRequest(Item(("pk", S("b")))))],
            },
        });
        Assert.Equal([spent], response.UnprocessedItems.Keys);
        Assert.Equal("a", response.UnprocessedItems[spent].Single().PutRequest.Item["pk"].S);
        var landed = await _client.GetItemAsync(new GetItemRequest { TableName = open, Key = Item(("pk", S("b"))), ConsistentRead = true });
        Assert.True(HasItem(landed.Item));
    }

    [Fact]
    public async Task Queries_of_a_global_index_are_held_to_the_index_read_units_until_UpdateTable_raises_them()
    {
        var table = await TableWithIndex("throughput-gsi", new ProvisionedThroughput(1, 1000));
        await _client.PutItemAsync(table, Item(("pk", S("big")), ("g", S("x")), ("data", S(new string('x', 390 * 1024)))));
        var query = new QueryRequest
        {
            TableName = table,
            IndexName = "byG",
            KeyConditionExpression = "g = :g",
            ExpressionAttributeValues = new() { [":g"] = S("x") },
        };
        // Waited for without querying the index, whose reads are what this test counts.
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline;)
        {
            if ((await _client.DescribeTableAsync(table)).Table.GlobalSecondaryIndexes.Single().ItemCount == 1) break;
            await Task.Delay(50);
        }
        // 49 units per query of the 390 KB entry (eventually consistent) from the index's 300 of burst.
        var found = 0;
        ProvisionedThroughputExceededException? refused = null;
        for (var i = 0; i < 2000 && refused is null; i++)
        {
            try
            {
                found += (await _client.QueryAsync(query)).Count ?? 0;
            }
            catch (ProvisionedThroughputExceededException e)
            {
                refused = e;
            }
        }
        Assert.NotNull(refused);
        Assert.Equal("The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary indexes with the UpdateTable API", refused.Message);
        Assert.InRange(found, 6, 8);
        // The base table keeps its own capacity.
        await _client.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S("big"))) });

        await _client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            GlobalSecondaryIndexUpdates =
            [
                new GlobalSecondaryIndexUpdate { Update = new UpdateGlobalSecondaryIndexAction { IndexName = "byG", ProvisionedThroughput = new ProvisionedThroughput(50, 1000) } },
            ],
        });
        Assert.Equal(1, (await _client.QueryAsync(query)).Count);
    }

    [Fact]
    public async Task Writes_that_would_write_to_a_global_index_without_write_capacity_are_refused_and_the_others_are_not()
    {
        var table = await TableWithIndex("throughput-gsi-write", new ProvisionedThroughput(100, 1));
        // 390 units for the table and 390 for the index, whose one unit holds 300 of burst: the index is 90 in debt.
        var big = await _client.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = Item(("pk", S("big")), ("g", S("x")), ("data", S(new string('x', 389 * 1024)))),
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        });
        Assert.Equal(780, big.ConsumedCapacity.CapacityUnits);
        Assert.Equal(390, big.ConsumedCapacity.Table.CapacityUnits);
        Assert.Equal(390, big.ConsumedCapacity.GlobalSecondaryIndexes["byG"].CapacityUnits);

        var refused = await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() =>
            _client.PutItemAsync(table, Item(("pk", S("indexed")), ("g", S("y")))));
        Assert.Equal("The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary indexes with the UpdateTable API", refused.Message);
        Assert.False(HasItem((await _client.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S("indexed"))), ConsistentRead = true })).Item));
        // A write the sparse index takes nothing of (no g) is not held to the index.
        var plain = await _client.PutItemAsync(new PutItemRequest
        {
            TableName = table, Item = Item(("pk", S("plain")), ("v", S("1"))), ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        });
        Assert.Equal(1, plain.ConsumedCapacity.CapacityUnits);
        Assert.Null(plain.ConsumedCapacity.GlobalSecondaryIndexes);

        await _client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            GlobalSecondaryIndexUpdates =
            [
                new GlobalSecondaryIndexUpdate { Update = new UpdateGlobalSecondaryIndexAction { IndexName = "byG", ProvisionedThroughput = new ProvisionedThroughput(100, 50) } },
            ],
        });
        var total = await _client.PutItemAsync(new PutItemRequest
        {
            TableName = table, Item = Item(("pk", S("indexed")), ("g", S("y"))), ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });
        Assert.Equal(2, total.ConsumedCapacity.CapacityUnits);
    }

    [Fact]
    public async Task An_on_demand_table_is_never_throttled()
    {
        var table = await Table(read: 0, write: 0, BillingMode.PAY_PER_REQUEST);
        for (var i = 0; i < 400; i++) await _client.PutItemAsync(table, Item(("pk", S($"k{i}"))));
        var count = await _client.ScanAsync(new ScanRequest { TableName = table, Select = Select.COUNT });
        Assert.Equal(400, count.Count);
    }
}
