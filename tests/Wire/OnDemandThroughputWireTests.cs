using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>
/// Maximum throughput of on-demand tables and their global indexes (OnDemandThroughput) over the wire: set, changed,
/// reported and enforced (one second of burst). The client does not retry, so each throttle is seen as sent.
/// </summary>
[Collection("wire")]
public class OnDemandThroughputWireTests(SiloFixture fixture)
{
    private const string Message = "Rate of requests exceeds the allowed throughput.";

    private readonly AmazonDynamoDBClient _client = fixture.CreateClient(c => c.MaxErrorRetry = 0);

    private async Task<TableDescription> Table(OnDemandThroughput? maxima, OnDemandThroughput? indexMaxima = null)
    {
        var request = OnDemandTableRequest.WithIndex(UniqueName("ondemand"), ProjectionType.ALL);
        request.OnDemandThroughput = maxima;
        request.GlobalSecondaryIndexes[0].OnDemandThroughput = indexMaxima;
        var response = await _client.CreateTableAsync(request);
        return response.TableDescription;
    }

    /// <summary>A 40 KB item: ten read units a strongly consistent read, so one read leaves a maximum of 1 nine seconds in debt.</summary>
    private Task PutLargeAsync(string table, string key, string g = "x") =>
        _client.PutItemAsync(table, Item(("pk", S(key)), ("g", S(g)), ("data", S(new string('x', 40 * 1024)))));

    /// <summary>
    /// The first throttle among <paramref name="attempts"/> requests: each admitted one leaves the maximum in debt for a
    /// second, so only a machine that took a second between every two requests would see none.
    /// </summary>
    private static async Task<ThrottlingException> FirstThrottle(int attempts, Func<int, Task> request)
    {
        for (var i = 0; i < attempts; i++)
        {
            try
            {
                await request(i);
            }
            catch (ThrottlingException e)
            {
                Assert.Equal(Message, e.Message);
                return e;
            }
        }
        throw new Xunit.Sdk.XunitException($"none of {attempts} requests was throttled");
    }

    private static async Task<int> ThrottledOf(int attempts, Func<Task> request)
    {
        var throttled = 0;
        for (var i = 0; i < attempts; i++)
        {
            try
            {
                await request();
            }
            catch (ThrottlingException e)
            {
                Assert.Equal(Message, e.Message);
                throttled++;
            }
        }
        return throttled;
    }

    [Fact]
    public async Task CreateTable_records_the_maxima_and_DescribeTable_reports_them_with_minus_one_for_none()
    {
        var created = await Table(new OnDemandThroughput { MaxReadRequestUnits = 100 }, new OnDemandThroughput { MaxWriteRequestUnits = 7 });
        Assert.Equal(100, created.OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(-1, created.OnDemandThroughput.MaxWriteRequestUnits);
        var described = (await _client.DescribeTableAsync(created.TableName)).Table;
        Assert.Equal(100, described.OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(-1, described.GlobalSecondaryIndexes[0].OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(7, described.GlobalSecondaryIndexes[0].OnDemandThroughput.MaxWriteRequestUnits);

        var plain = await Table(null);
        Assert.Equal(-1, plain.OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(-1, plain.OnDemandThroughput.MaxWriteRequestUnits);
    }

    [Fact]
    public async Task Reads_past_the_maximum_are_throttled_with_ThrottlingException_and_the_reason()
    {
        var table = (await Table(new OnDemandThroughput { MaxReadRequestUnits = 1 })).TableName;
        await PutLargeAsync(table, "k");
        var read = new GetItemRequest { TableName = table, Key = Item(("pk", S("k"))), ConsistentRead = true };
        var error = await FirstThrottle(10, _ => _client.GetItemAsync(read));
        var reason = Assert.Single(error.ThrottlingReasons);
        Assert.Equal("TableReadMaxOnDemandThroughputExceeded", reason.Reason);
        Assert.Equal($"arn:aws:dynamodb:local:000000000000:table/{table}", reason.Resource);
        // Writes have no maximum: none is refused.
        Assert.Equal(0, await ThrottledOf(20, () => PutLargeAsync(table, "w")));
    }

    [Fact]
    public async Task Requests_within_the_maximum_are_not_throttled()
    {
        var table = (await Table(new OnDemandThroughput { MaxReadRequestUnits = 10_000, MaxWriteRequestUnits = 10_000 })).TableName;
        await PutLargeAsync(table, "k");
        // 20 reads of ten units and 20 writes of 41: within one second of the maxima however fast they run.
        Assert.Equal(0, await ThrottledOf(20, () => _client.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S("k"))), ConsistentRead = true })));
        Assert.Equal(0, await ThrottledOf(20, () => PutLargeAsync(table, "k")));
    }

    [Fact]
    public async Task Writes_past_the_maximum_are_throttled_and_UpdateTable_minus_one_removes_it()
    {
        var table = (await Table(new OnDemandThroughput { MaxWriteRequestUnits = 1 })).TableName;
        var error = await FirstThrottle(10, i => PutLargeAsync(table, $"a{i}"));
        Assert.Equal("TableWriteMaxOnDemandThroughputExceeded", Assert.Single(error.ThrottlingReasons).Reason);

        var updated = await _client.UpdateTableAsync(new UpdateTableRequest { TableName = table, OnDemandThroughput = new OnDemandThroughput { MaxWriteRequestUnits = -1 } });
        Assert.Equal(-1, updated.TableDescription.OnDemandThroughput.MaxWriteRequestUnits);
        Assert.Equal(0, await ThrottledOf(10, () => PutLargeAsync(table, "c")));
    }

    [Fact]
    public async Task An_index_maximum_throttles_its_queries_and_the_writes_it_would_take()
    {
        var table = (await Table(null)).TableName;
        var updated = await _client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            GlobalSecondaryIndexUpdates =
            [
                new GlobalSecondaryIndexUpdate
                {
                    Update = new UpdateGlobalSecondaryIndexAction { IndexName = "byG", OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 1, MaxWriteRequestUnits = 1 } },
                },
            ],
        });
        Assert.Equal(1, updated.TableDescription.GlobalSecondaryIndexes[0].OnDemandThroughput.MaxWriteRequestUnits);
        var write = await FirstThrottle(10, i => PutLargeAsync(table, $"a{i}"));
        var reason = Assert.Single(write.ThrottlingReasons);
        Assert.Equal("IndexWriteMaxOnDemandThroughputExceeded", reason.Reason);
        Assert.Equal($"arn:aws:dynamodb:local:000000000000:table/{table}/index/byG", reason.Resource);
        // A write the index takes nothing of (no g) is not held to it.
        await _client.PutItemAsync(table, Item(("pk", S("plain")), ("data", S(new string('x', 40 * 1024)))));

        var query = new QueryRequest
        {
            TableName = table, IndexName = "byG", KeyConditionExpression = "g = :g",
            ExpressionAttributeValues = new() { [":g"] = S("x") },
        };
        Assert.Equal("IndexReadMaxOnDemandThroughputExceeded", Assert.Single((await FirstThrottle(10, _ => _client.QueryAsync(query))).ThrottlingReasons).Reason);
    }

    [Fact]
    public async Task Maxima_are_refused_on_provisioned_tables_and_must_be_positive_or_minus_one()
    {
        await ThrowsValidation(() => _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = UniqueName("ondemand"),
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(1, 1),
            OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 5 },
        }), "One or more parameter values were invalid: OnDemandThroughput can be specified only when BillingMode is PAY_PER_REQUEST");
        var table = (await Table(null)).TableName;
        await ThrowsValidation(() => _client.UpdateTableAsync(new UpdateTableRequest { TableName = table, OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 0 } }),
            "One or more parameter values were invalid: MaxReadRequestUnits must be at least 1, or -1 for no maximum: 0");
    }

    [Fact]
    public async Task A_restored_table_keeps_the_maxima_of_its_backup_unless_overridden()
    {
        var table = (await Table(new OnDemandThroughput { MaxReadRequestUnits = 50 }, new OnDemandThroughput { MaxReadRequestUnits = 9 })).TableName;
        var backup = (await _client.CreateBackupAsync(new CreateBackupRequest { TableName = table, BackupName = "bak" })).BackupDetails.BackupArn;
        var restored = (await _client.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { BackupArn = backup, TargetTableName = table + "-r" })).TableDescription;
        Assert.Equal(50, restored.OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(9, restored.GlobalSecondaryIndexes[0].OnDemandThroughput.MaxReadRequestUnits);
        var overridden = (await _client.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest
        {
            BackupArn = backup, TargetTableName = table + "-o", OnDemandThroughputOverride = new OnDemandThroughput { MaxWriteRequestUnits = 3 },
        })).TableDescription;
        Assert.Equal(50, overridden.OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(3, overridden.OnDemandThroughput.MaxWriteRequestUnits);
    }
}
