using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>What the backup and point-in-time restore tests share: a source table with both kinds of index, and ways to read what came back.</summary>
internal static class RestoreTables
{
    /// <summary>
    /// A PROVISIONED table (10 and 10 units) keyed by pk (S) and sk (N), with a local index byLocal on l and a
    /// global index byG on g (5 and 5 units), holding 30 items written by <see cref="PutAsync"/> with value "before".
    /// </summary>
    public static async Task<string> CreateIndexedAsync(IAmazonDynamoDB db, string prefix)
    {
        var name = UniqueName(prefix);
        await db.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions =
            [
                new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.N),
                new AttributeDefinition("l", ScalarAttributeType.S), new AttributeDefinition("g", ScalarAttributeType.S),
            ],
            ProvisionedThroughput = new ProvisionedThroughput(10, 10),
            LocalSecondaryIndexes =
            [
                new LocalSecondaryIndex
                {
                    IndexName = "byLocal",
                    KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("l", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "byG",
                    KeySchema = [new KeySchemaElement("g", KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    ProvisionedThroughput = new ProvisionedThroughput(5, 5),
                },
            ],
        });
        for (var i = 0; i < 30; i++) await PutAsync(db, name, i, "before");
        return name;
    }

    /// <summary>Item <paramref name="i"/>: pk p(i mod 3), sk i, l l(i), g g(i mod 2), and <paramref name="value"/> as v.</summary>
    public static Task PutAsync(IAmazonDynamoDB db, string table, int i, string value) =>
        db.PutItemAsync(table, Item(("pk", S($"p{i % 3}")), ("sk", N(i.ToString())), ("l", S($"l{i:D2}")), ("g", S($"g{i % 2}")), ("v", S(value))));

    /// <summary>Every item of the table, rendered and sorted.</summary>
    public static async Task<List<string>> ScanAllAsync(IAmazonDynamoDB db, string table) =>
        [.. (await db.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true })).Items.Select(i => Render(i)).Order(StringComparer.Ordinal)];

    /// <summary>Waits up to 15 s for the global index byG to hold <paramref name="expected"/> items under <paramref name="g"/> (it is fed eventually).</summary>
    public static async Task AssertGlobalIndexCountAsync(IAmazonDynamoDB db, string table, string g, int expected)
    {
        var count = 0;
        for (var deadline = DateTime.UtcNow.AddSeconds(15); count != expected && DateTime.UtcNow < deadline;)
        {
            count = (await db.QueryAsync(new QueryRequest
            {
                TableName = table,
                IndexName = "byG",
                KeyConditionExpression = "g = :g",
                ExpressionAttributeValues = new() { [":g"] = S(g) },
            })).Count ?? 0;
            if (count != expected) await Task.Delay(100);
        }
        Assert.Equal(expected, count);
    }
}
