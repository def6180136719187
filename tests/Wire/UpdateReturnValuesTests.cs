using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

[Collection("wire")]
public class UpdateReturnValuesTests(SiloFixture fixture)
{
    [Fact]
    public async Task UPDATED_OLD_and_UPDATED_NEW_return_only_the_updated_paths()
    {
        var name = UniqueName("updated");
        await CreateTable(fixture.Client, name, ("pk", ScalarAttributeType.S), billing: BillingMode.PAY_PER_REQUEST);
        await fixture.Client.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = Item(("pk", S("k")), ("a", new AttributeValue { M = Item(("b", N("1")), ("c", N("2"))) }), ("n", N("5")), ("keep", S("x"))),
        });
        UpdateItemRequest Update(ReturnValue returnValue) => new()
        {
            TableName = name,
            Key = Item(("pk", S("k"))),
            UpdateExpression = "SET a.b = a.b + :one, n = n + :one",
            ExpressionAttributeValues = Item((":one", N("1"))),
            ReturnValues = returnValue,
        };

        var old = await fixture.Client.UpdateItemAsync(Update(ReturnValue.UPDATED_OLD));
        Assert.Equal(["a", "n"], old.Attributes.Keys.Order());
        Assert.Equal(["b"], old.Attributes["a"].M.Keys);
        Assert.Equal("1", old.Attributes["a"].M["b"].N);
        Assert.Equal("5", old.Attributes["n"].N);

        var updated = await fixture.Client.UpdateItemAsync(Update(ReturnValue.UPDATED_NEW));
        Assert.Equal(["b"], updated.Attributes["a"].M.Keys);
        Assert.Equal("3", updated.Attributes["a"].M["b"].N);
        Assert.Equal("7", updated.Attributes["n"].N);
    }
}
