using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DataTier.Tests.Wire;

/// <summary>The on-demand table the capacity-setting tests make: key pk, and a global index byG on g.</summary>
public static class OnDemandTableRequest
{
    public static CreateTableRequest WithIndex(string name, ProjectionType projection) => new()
    {
        TableName = name,
        KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
        AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("g", ScalarAttributeType.S)],
        BillingMode = BillingMode.PAY_PER_REQUEST,
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = "byG",
                KeySchema = [new KeySchemaElement("g", KeyType.HASH)],
                Projection = new Projection { ProjectionType = projection },
            },
        ],
    };
}
