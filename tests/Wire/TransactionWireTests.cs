using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>Transactions through the official AWS SDK and the AWS CLI, which dynalite cannot check.</summary>
[Collection("wire")]
public class TransactionWireTests(SiloFixture fixture)
{
    private static TransactWriteItem Put(string table, string pk, string balance, string? condition = null) => new()
    {
        Put = new Put { TableName = table, Item = Item(("pk", S(pk)), ("balance", N(balance))), ConditionExpression = condition },
    };

    [Fact]
    public async Task The_SDK_commits_reads_and_cancels_with_reasons()
    {
        var name = UniqueName("txsdk");
        await CreateTable(fixture.Client, name, ("pk", ScalarAttributeType.S), billing: BillingMode.PAY_PER_REQUEST);
        var written = await fixture.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [Put(name, "a", "10"), Put(name, "b", "20")],
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });
        Assert.Equal(4, written.ConsumedCapacity.Single().CapacityUnits);

        var e = await Assert.ThrowsAsync<TransactionCanceledException>(() => fixture.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                Put(name, "c", "1"),
                new TransactWriteItem
                {
                    Update = new Update
                    {
                        TableName = name, Key = Item(("pk", S("a"))),
                        UpdateExpression = "SET balance = balance - :x", ConditionExpression = "balance >= :x",
                        ExpressionAttributeValues = Item((":x", N("50"))),
                        ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                    },
                },
            ],
        }));
        Assert.Equal("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]", e.Message);
        Assert.Equal(["None", "ConditionalCheckFailed"], e.CancellationReasons.Select(r => r.Code));
        Assert.Equal("The conditional request failed", e.CancellationReasons[1].Message);
        Assert.Equal("10", e.CancellationReasons[1].Item["balance"].N);

        var read = await fixture.Client.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = new[] { "a", "b", "c" }.Select(pk => new TransactGetItem { Get = new Get { TableName = name, Key = Item(("pk", S(pk))) } }).ToList(),
        });
        Assert.Equal("10", read.Responses[0].Item["balance"].N);
        Assert.Equal("20", read.Responses[1].Item["balance"].N);
        Assert.False(HasItem(read.Responses[2].Item));
    }

    [Fact]
    public async Task A_client_token_makes_a_retry_harmless()
    {
        var name = UniqueName("txtoken");
        await CreateTable(fixture.Client, name, ("pk", ScalarAttributeType.S), billing: BillingMode.PAY_PER_REQUEST);
        await fixture.Client.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("n")), ("count", N("0"))) });
        var request = new TransactWriteItemsRequest
        {
            ClientRequestToken = "retry-" + Guid.NewGuid().ToString("N")[..20],
            TransactItems =
            [
                new TransactWriteItem
                {
                    Update = new Update { TableName = name, Key = Item(("pk", S("n"))), UpdateExpression = "ADD #c :one", ExpressionAttributeNames = new() { ["#c"] = "count" }, ExpressionAttributeValues = Item((":one", N("1"))) },
                },
            ],
        };
        await fixture.Client.TransactWriteItemsAsync(request);
        await fixture.Client.TransactWriteItemsAsync(request);
        var item = await fixture.Client.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", S("n"))) });
        Assert.Equal("1", item.Item["count"].N);

        request.TransactItems[0].Update.ExpressionAttributeValues[":one"] = N("2");
        var e = await Assert.ThrowsAsync<IdempotentParameterMismatchException>(() => fixture.Client.TransactWriteItemsAsync(request));
        Assert.Contains("different set of parameters", e.Message);

        var invalid = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => fixture.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [Put(name, "x", "1"), Put(name, "x", "2")],
        }));
        Assert.Equal("Transaction request cannot include multiple operations on one item", invalid.Message);
    }

    [Fact]
    public async Task The_AWS_CLI_runs_transact_write_items_and_transact_get_items()
    {
        var name = UniqueName("txcli");
        await CreateTable(fixture.Client, name, ("pk", ScalarAttributeType.S), billing: BillingMode.PAY_PER_REQUEST);
        var items = JsonSerializer.Serialize(new object[]
        {
            new { Put = new { TableName = name, Item = new { pk = new { S = "one" }, v = new { N = "1" } } } },
            new { Put = new { TableName = name, Item = new { pk = new { S = "two" }, v = new { N = "2" } } } },
        });
        var write = await AwsCli.RunAsync(fixture.EndpointUrl, "dynamodb", "transact-write-items", "--transact-items", items);
        Assert.True(write.ExitCode == 0, write.Error);

        var gets = JsonSerializer.Serialize(new object[]
        {
            new { Get = new { TableName = name, Key = new { pk = new { S = "one" } } } },
            new { Get = new { TableName = name, Key = new { pk = new { S = "two" } } } },
        });
        var read = await AwsCli.RunAsync(fixture.EndpointUrl, "dynamodb", "transact-get-items", "--transact-items", gets);
        Assert.True(read.ExitCode == 0, read.Error);
        using var json = JsonDocument.Parse(read.Output);
        Assert.Equal(["1", "2"], json.RootElement.GetProperty("Responses").EnumerateArray().Select(r => r.GetProperty("Item").GetProperty("v").GetProperty("N").GetString()));

        var cancelled = await AwsCli.RunAsync(fixture.EndpointUrl, "dynamodb", "transact-write-items", "--transact-items",
            JsonSerializer.Serialize(new object[] { new { ConditionCheck = new { TableName = name, Key = new { pk = new { S = "one" } }, ConditionExpression = "attribute_not_exists(pk)" } } }));
        Assert.NotEqual(0, cancelled.ExitCode);
        Assert.Contains("TransactionCanceledException", cancelled.Error);
        Assert.Contains("[ConditionalCheckFailed]", cancelled.Error);
    }
}
