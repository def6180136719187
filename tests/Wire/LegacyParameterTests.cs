using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>The pre-expression parameters that older code still sends.</summary>
[Collection("wire")]
public class LegacyParameterTests(SiloFixture fixture)
{
    private async Task<string> Table()
    {
        var name = UniqueName("legacy");
        await CreateTable(fixture.Client, name, ("pk", ScalarAttributeType.S), ("sk", ScalarAttributeType.N));
        return name;
    }

    [Fact]
    public async Task Expected_guards_puts_and_deletes()
    {
        var t = await Table();
        var item = Item(("pk", S("a")), ("sk", N("1")), ("status", S("new")));
        await fixture.Client.PutItemAsync(new PutItemRequest { TableName = t, Item = item, Expected = new() { ["pk"] = new ExpectedAttributeValue(false) } });
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => fixture.Client.PutItemAsync(new PutItemRequest
        {
            TableName = t, Item = item, Expected = new() { ["pk"] = new ExpectedAttributeValue(false) },
        }));
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => fixture.Client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = t, Key = Item(("pk", S("a")), ("sk", N("1"))),
            Expected = new() { ["status"] = new ExpectedAttributeValue { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [S("old")] } },
        }));
        await fixture.Client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = t, Key = Item(("pk", S("a")), ("sk", N("1"))),
            Expected = new() { ["status"] = new ExpectedAttributeValue(S("new")), ["missing"] = new ExpectedAttributeValue { ComparisonOperator = ComparisonOperator.NULL } },
        });
        Assert.False(HasItem((await fixture.Client.GetItemAsync(t, Item(("pk", S("a")), ("sk", N("1"))))).Item));
    }

    [Fact]
    public async Task Key_conditions_query_filter_and_attributes_to_get()
    {
        var t = await Table();
        for (var i = 0; i < 10; i++)
            await fixture.Client.PutItemAsync(t, Item(("pk", S("p")), ("sk", N(i.ToString())), ("odd", new AttributeValue { BOOL = i % 2 == 1 }), ("data", S("x"))));
        var query = await fixture.Client.QueryAsync(new QueryRequest
        {
            TableName = t,
            KeyConditions = new()
            {
                ["pk"] = new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [S("p")] },
                ["sk"] = new Condition { ComparisonOperator = ComparisonOperator.BETWEEN, AttributeValueList = [N("2"), N("7")] },
            },
            QueryFilter = new() { ["odd"] = new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [new AttributeValue { BOOL = true }] } },
            AttributesToGet = ["sk"],
        });
        Assert.Equal(["3", "5", "7"], query.Items.Select(i => i["sk"].N));
        Assert.All(query.Items, i => Assert.Equal(["sk"], i.Keys));
        Assert.Equal(6, query.ScannedCount);

        var scan = await fixture.Client.ScanAsync(new ScanRequest
        {
            TableName = t,
            ScanFilter = new()
            {
                ["sk"] = new Condition { ComparisonOperator = ComparisonOperator.IN, AttributeValueList = [N("1"), N("4"), N("8")] },
                ["odd"] = new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [new AttributeValue { BOOL = true }] },
            },
            ConditionalOperator = ConditionalOperator.OR,
        });
        Assert.Equal(7, scan.Count);
    }

    [Fact]
    public async Task Attribute_updates_put_add_and_delete()
    {
        var t = await Table();
        var key = Item(("pk", S("u")), ("sk", N("1")));
        await fixture.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = t, Key = key,
            AttributeUpdates = new()
            {
                ["name"] = new AttributeValueUpdate(S("first"), AttributeAction.PUT),
                ["count"] = new AttributeValueUpdate(N("5"), AttributeAction.ADD),
                ["tags"] = new AttributeValueUpdate(SS("a", "b", "c"), AttributeAction.ADD),
            },
        });
        var updated = await fixture.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = t, Key = key,
            AttributeUpdates = new()
            {
                ["name"] = new AttributeValueUpdate { Action = AttributeAction.DELETE },
                ["count"] = new AttributeValueUpdate(N("-2"), AttributeAction.ADD),
                ["tags"] = new AttributeValueUpdate(SS("b"), AttributeAction.DELETE),
            },
            Expected = new() { ["name"] = new ExpectedAttributeValue(S("first")) },
            ReturnValues = ReturnValue.ALL_NEW,
        });
        Assert.False(updated.Attributes.ContainsKey("name"));
        Assert.Equal("3", updated.Attributes["count"].N);
        Assert.Equal(["a", "c"], updated.Attributes["tags"].SS.Order());
    }

    [Fact]
    public async Task Mixing_legacy_and_expression_parameters_is_refused()
    {
        var t = await Table();
        await ThrowsValidation(() => fixture.Client.PutItemAsync(new PutItemRequest
        {
            TableName = t, Item = Item(("pk", S("m")), ("sk", N("1"))),
            Expected = new() { ["pk"] = new ExpectedAttributeValue(false) },
            ConditionExpression = "attribute_not_exists(pk)",
        }), "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
        await ThrowsValidation(() => fixture.Client.PutItemAsync(new PutItemRequest
        {
            TableName = t, Item = Item(("pk", S("m")), ("sk", N("1"))),
            Expected = new() { ["pk"] = new ExpectedAttributeValue { Exists = true } },
        }), "One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: pk");
    }
}
