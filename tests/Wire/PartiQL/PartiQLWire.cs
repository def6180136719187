using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire.PartiQL;

/// <summary>Running statements through the SDK and checking DynamoDB's refusals of them.</summary>
internal static class PartiQLWire
{
    public static Task<ExecuteStatementResponse> Run(IAmazonDynamoDB client, string statement, params AttributeValue[] parameters) =>
        client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement, Parameters = parameters.Length == 0 ? null : [.. parameters] });

    /// <summary>The statement fails with <paramref name="code"/> and exactly <paramref name="message"/> (HTTP 400).</summary>
    public static async Task<AmazonDynamoDBException> Refused(IAmazonDynamoDB client, string statement, string code, string message, params AttributeValue[] parameters)
    {
        var e = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => Run(client, statement, parameters));
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal(message, e.Message);
        return e;
    }

    /// <summary>A table with a string partition key <c>pk</c> and, when asked, a number sort key <c>sk</c>.</summary>
    public static async Task<string> Table(IAmazonDynamoDB client, string prefix, bool sortKey = false)
    {
        var name = UniqueName(prefix);
        await CreateTable(client, name, ("pk", ScalarAttributeType.S), sortKey ? ("sk", ScalarAttributeType.N) : null, BillingMode.PAY_PER_REQUEST);
        return name;
    }

    public static async Task<Dictionary<string, AttributeValue>?> Get(IAmazonDynamoDB client, string table, params (string Name, AttributeValue Value)[] key)
    {
        var response = await client.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(key), ConsistentRead = true });
        return HasItem(response.Item) ? response.Item : null;
    }
}
