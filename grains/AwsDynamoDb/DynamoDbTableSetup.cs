using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DataTier.AwsDynamoDb;

/// <summary>Creates a backing table (on-demand capacity) when it is missing and waits until it is ACTIVE.</summary>
public static class DynamoDbTableSetup
{
    /// <summary>Key attributes: <c>pk</c> (S) and, with <paramref name="sortKey"/>, <c>sk</c> (B).</summary>
    public static async Task EnsureTableAsync(IAmazonDynamoDB client, string name, bool sortKey, bool create, CancellationToken cancellation = default)
    {
        var status = await StatusAsync(client, name, cancellation);
        if (status is null)
        {
            if (!create) throw new InvalidOperationException($"The DynamoDB table '{name}' does not exist and CreateTables is off.");
            var request = new CreateTableRequest
            {
                TableName = name,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            };
            if (sortKey)
            {
                request.AttributeDefinitions.Add(new AttributeDefinition("sk", ScalarAttributeType.B));
                request.KeySchema.Add(new KeySchemaElement("sk", KeyType.RANGE));
            }
            try
            {
                await client.CreateTableAsync(request, cancellation);
            }
            catch (ResourceInUseException)
            {
                // another silo created it first
            }
        }
        // A table being created answers nothing yet: poll its status (DynamoDB offers no notification).
        for (var delay = 50; ; delay = Math.Min(delay * 2, 1000))
        {
            status = await StatusAsync(client, name, cancellation);
            if (status == TableStatus.ACTIVE) return;
            await Task.Delay(delay, cancellation);
        }
    }

    private static async Task<TableStatus?> StatusAsync(IAmazonDynamoDB client, string name, CancellationToken cancellation)
    {
        try
        {
            return (await client.DescribeTableAsync(name, cancellation)).Table?.TableStatus;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }
}
