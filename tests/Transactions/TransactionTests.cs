using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Tests.Cluster;
using DataTier.Transactions;
using Xunit;

namespace DataTier.Tests.Transactions;

/// <summary>TransactWriteItems and TransactGetItems through the SDK on the 3-silo cluster.</summary>
[Collection("cluster")]
public class TransactionTests(ClusterFixture fixture)
{
    internal static Dictionary<string, AttrValue> Key(string pk) => new() { ["pk"] = AttrValue.FromS(pk) };

    internal static Dictionary<string, AttrValue> Account(string pk, long balance) =>
        new() { ["pk"] = AttrValue.FromS(pk), ["balance"] = AttrValue.FromN(balance) };

    private static Dictionary<string, AttrValue> Values(params (string Name, AttrValue Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public async Task Writes_across_partitions_and_tables_apply_together()
    {
        var table = await PartitioningTests.CreateTable(fixture, "tx-atomic-a");
        await PartitioningTests.CreateTable(fixture, "tx-atomic-b");
        var keys = Enumerable.Range(0, 20).Select(i => $"k{i}").ToList();
        Assert.True(keys.Select(k => table.Partitions.PartitionOf(ItemValidator.ItemKeyOf(table.KeySchema, Key(k)).Hash)).Distinct().Count() > 3);
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "tx-atomic-a", Item = Account("k19", 5) });

        var actions = keys.Take(18).Select(k => TransactWriteItem.Put("tx-atomic-a", Account(k, 1))).ToList();
        actions.Add(TransactWriteItem.Update("tx-atomic-a", Key("k19"), "SET balance = balance + :d", "balance = :five",
            values: Values((":d", AttrValue.FromN(10)), (":five", AttrValue.FromN(5)))));
        actions.Add(TransactWriteItem.Put("tx-atomic-b", Account("other", 7), "attribute_not_exists(pk)"));
        var result = await fixture.Tables.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = actions });

        Assert.Equal(2 * 19, result.CapacityUnitsByTable["tx-atomic-a"]);
        Assert.Equal(2, result.CapacityUnitsByTable["tx-atomic-b"]);
        foreach (var k in keys.Take(18))
            Assert.Equal("1", (await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "tx-atomic-a", Key = Key(k) })).Item!["balance"].Text);
        Assert.Equal("15", (await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "tx-atomic-a", Key = Key("k19") })).Item!["balance"].Text);
        Assert.Equal("7", (await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "tx-atomic-b", Key = Key("other") })).Item!["balance"].Text);
    }

    [Fact]
    public async Task A_failed_condition_cancels_everything_with_reasons_in_request_order()
    {
        await PartitioningTests.CreateTable(fixture, "tx-cancel");
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "tx-cancel", Item = Account("a", 10) });
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "tx-cancel", Item = Account("b", 0) });

        var e = await Assert.ThrowsAsync<DynamoException>(() => fixture.Tables.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                TransactWriteItem.Put("tx-cancel", Account("new", 1)),
                TransactWriteItem.Update("tx-cancel", Key("a"), "SET balance = balance - :x", "balance >= :x", values: Values((":x", AttrValue.FromN(5)))),
                new TransactWriteItem
                {
                    Kind = TransactOperationKind.Update, TableName = "tx-cancel", Key = Key("b"),
                    UpdateExpression = "SET balance = balance - :x", ConditionExpression = "balance >= :x",
                    ExpressionAttributeValues = Values((":x", AttrValue.FromN(5))), ReturnValuesOnConditionCheckFailure = true,
                },
                TransactWriteItem.Delete("tx-cancel", Key("missing")),
            ],
        }));

        Assert.Equal(DynamoErrorCode.TransactionCanceledException, e.Code);
        Assert.Equal("Transaction cancelled, please refer cancellation reasons for specific reasons [None, None, ConditionalCheckFailed, None]", e.Message);
        Assert.Equal(["None", "None", "ConditionalCheckFailed", "None"], e.CancellationReasons!.Select(r => r.Code));
        Assert.Equal(Account("b", 0), e.CancellationReasons![2].Item);
        Assert.Null((await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "tx-cancel", Key = Key("new") })).Item);
        Assert.Equal("10", (await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "tx-cancel", Key = Key("a") })).Item!["balance"].Text);

        // Nothing was left locked: the same items take single writes at once.
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "tx-cancel", Item = Account("a", 11) });
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "tx-cancel", Item = Account("new", 2) });
    }

    [Fact]
    public async Task A_condition_check_guards_without_writing_and_an_invalid_update_is_a_validation_reason()
    {
        await PartitioningTests.CreateTable(fixture, "tx-check");
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "tx-check", Item = Account("gate", 1) });
        await fixture.Tables.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                TransactWriteItem.ConditionCheck("tx-check", Key("gate"), "balance = :one", values: Values((":one", AttrValue.FromN(1)))),
                TransactWriteItem.Put("tx-check", Account("x", 3)),
            ],
        });
        var gate = await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "tx-check", Key = Key("gate") });
        Assert.Equal(1, gate.Version);

        var e = await Assert.ThrowsAsync<DynamoException>(() => fixture.Tables.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                TransactWriteItem.Update("tx-check", Key("x"), "SET balance = nothere + :one", values: Values((":one", AttrValue.FromN(1)))),
                TransactWriteItem.Put("tx-check", Account("y", 3)),
            ],
        }));
        Assert.Equal(["ValidationError", "None"], e.CancellationReasons!.Select(r => r.Code));
        Assert.Equal("The provided expression refers to an attribute that does not exist in the item", e.CancellationReasons![0].Message);
    }

    [Fact]
    public async Task Requests_are_validated_before_anything_runs()
    {
        await PartitioningTests.CreateTable(fixture, "tx-valid");
        var duplicate = await Assert.ThrowsAsync<DynamoException>(() => fixture.Tables.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [TransactWriteItem.Put("tx-valid", Account("a", 1)), TransactWriteItem.Delete("tx-valid", Key("a"))],
        }));
        Assert.Equal("Transaction request cannot include multiple operations on one item", duplicate.Message);

        var tooMany = await Assert.ThrowsAsync<DynamoException>(() => fixture.Tables.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = Enumerable.Range(0, 101).Select(i => TransactWriteItem.Put("tx-valid", Account($"k{i}", 1))).ToList(),
        }));
        Assert.Equal(DynamoErrorCode.ValidationException, tooMany.Code);
        Assert.Contains("Member must have length less than or equal to 100", tooMany.Message);

        var missing = await Assert.ThrowsAsync<DynamoException>(() => fixture.Tables.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [TransactWriteItem.Put("tx-valid", Account("a", 1)), TransactWriteItem.Put("tx-no-such-table", Account("a", 1))],
        }));
        Assert.Equal(DynamoErrorCode.ResourceNotFoundException, missing.Code);

        var keyUpdate = await Assert.ThrowsAsync<DynamoException>(() => fixture.Tables.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [TransactWriteItem.Update("tx-valid", Key("a"), "SET pk = :v", values: Values((":v", AttrValue.FromS("b"))))],
        }));
        Assert.Contains("Cannot update attribute pk. This attribute is part of the key", keyUpdate.Message);
        Assert.Null((await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "tx-valid", Key = Key("a") })).Item);
    }

    [Fact]
    public async Task A_repeated_client_token_succeeds_once_and_a_changed_request_is_refused()
    {
        await PartitioningTests.CreateTable(fixture, "tx-token");
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "tx-token", Item = Account("c", 0) });
        var token = Guid.NewGuid().ToString();
        TransactWriteItemsRequest Increment(long by) => new()
        {
            ClientRequestToken = token,
            TransactItems = [TransactWriteItem.Update("tx-token", Key("c"), "ADD balance :d", values: Values((":d", AttrValue.FromN(by))))],
        };

        await fixture.Tables.TransactWriteItemsAsync(Increment(1));
        await fixture.Tables.TransactWriteItemsAsync(Increment(1));
        var item = await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "tx-token", Key = Key("c") });
        Assert.Equal("1", item.Item!["balance"].Text);

        var e = await Assert.ThrowsAsync<DynamoException>(() => fixture.Tables.TransactWriteItemsAsync(Increment(2)));
        Assert.Equal(DynamoErrorCode.IdempotentParameterMismatchException, e.Code);
    }

    [Fact]
    public async Task Concurrent_repeats_of_one_client_token_apply_it_once()
    {
        await PartitioningTests.CreateTable(fixture, "tx-token-race");
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "tx-token-race", Item = Account("c", 0) });
        var request = new TransactWriteItemsRequest
        {
            ClientRequestToken = Guid.NewGuid().ToString(),
            TransactItems = [TransactWriteItem.Update("tx-token-race", Key("c"), "ADD balance :d", values: Values((":d", AttrValue.FromN(1))))],
        };
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            try
            {
                await fixture.Tables.TransactWriteItemsAsync(request);
                return "ok";
            }
            catch (DynamoException e) when (e.Code is DynamoErrorCode.TransactionInProgressException or DynamoErrorCode.TransactionCanceledException)
            {
                return e.Code.ToString();
            }
        }));
        Assert.Contains("ok", outcomes);
        await fixture.Tables.TransactWriteItemsAsync(request);
        var item = await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "tx-token-race", Key = Key("c") });
        Assert.Equal("1", item.Item!["balance"].Text);
    }

    [Fact]
    public async Task TransactGetItems_reads_items_of_several_partitions_with_projection()
    {
        await PartitioningTests.CreateTable(fixture, "tx-get");
        for (var i = 0; i < 10; i++)
            await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "tx-get", Item = Account($"k{i}", i) });

        var result = await fixture.Tables.TransactGetItemsAsync(
            Enumerable.Range(0, 11).Select(i => new TransactGetItem { TableName = "tx-get", Key = Key($"k{i}"), ProjectionExpression = "balance" }).ToList());

        for (var i = 0; i < 10; i++) Assert.Equal(new Dictionary<string, AttrValue> { ["balance"] = AttrValue.FromN(i) }, result.Items[i]);
        Assert.Null(result.Items[10]);
        Assert.Equal(22, result.CapacityUnitsByTable["tx-get"]);
    }
}
