using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

[Collection("wire")]
public class ConsumedCapacityTests(SiloFixture fixture)
{
    [Fact]
    public async Task Capacity_follows_dynamodb_unit_rules()
    {
        var name = UniqueName("capacity");
        await CreateTable(fixture.Client, name, ("pk", ScalarAttributeType.S));
        // pk (2 + 3 bytes) + data (4 + 5000 bytes) = 5009 bytes: 5 write units, 2 strongly consistent read units.
        var item = Item(("pk", S("big")), ("data", S(new string('x', 5000))));
        var put = await fixture.Client.PutItemAsync(new PutItemRequest { TableName = name, Item = item, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });
        Assert.Equal(name, put.ConsumedCapacity.TableName);
        Assert.Equal(5.0, put.ConsumedCapacity.CapacityUnits);

        var consistent = await fixture.Client.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", S("big"))), ConsistentRead = true, ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES });
        Assert.Equal(2.0, consistent.ConsumedCapacity.CapacityUnits);
        Assert.Equal(2.0, consistent.ConsumedCapacity.Table.CapacityUnits);
        var eventual = await fixture.Client.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", S("big"))), ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });
        Assert.Equal(1.0, eventual.ConsumedCapacity.CapacityUnits);
        var absent = await fixture.Client.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", S("none"))), ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });
        Assert.Equal(0.5, absent.ConsumedCapacity.CapacityUnits);

        // Replacing a large item with a small one is charged for the larger of the two.
        var shrink = await fixture.Client.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("big"))), ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });
        Assert.Equal(5.0, shrink.ConsumedCapacity.CapacityUnits);

        var none = await fixture.Client.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("small"))) });
        Assert.Null(none.ConsumedCapacity);

        var scan = await fixture.Client.ScanAsync(new ScanRequest { TableName = name, ConsistentRead = true, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });
        Assert.Equal(1.0, scan.ConsumedCapacity.CapacityUnits);

        var batch = await fixture.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [name] = [new WriteRequest(new PutRequest(Item(("pk", S("b1"))))), new WriteRequest(new PutRequest(Item(("pk", S("b2")))))] },
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });
        Assert.Equal(2.0, Assert.Single(batch.ConsumedCapacity).CapacityUnits);
    }

    [Fact]
    public async Task Writes_count_what_they_write_to_secondary_indexes_by_dynamodb_rules()
    {
        var name = UniqueName("capacity-idx");
        await fixture.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S),
                new AttributeDefinition("g", ScalarAttributeType.S), new AttributeDefinition("l", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            GlobalSecondaryIndexes = [new GlobalSecondaryIndex
            {
                IndexName = "byG", KeySchema = [new KeySchemaElement("g", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
            }],
            LocalSecondaryIndexes = [new LocalSecondaryIndex
            {
                IndexName = "byL", KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("l", KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            }],
        });
        async Task<ConsumedCapacity> Put(params (string Name, AttributeValue Value)[] attributes) =>
            (await fixture.Client.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(attributes), ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES })).ConsumedCapacity;

        // Into both indexes: one unit for the table, one per index.
        var both = await Put(("pk", S("a")), ("sk", S("1")), ("g", S("x")), ("l", S("p")));
        Assert.Equal(3, both.CapacityUnits);
        Assert.Equal(1, both.Table.CapacityUnits);
        Assert.Equal(1, both.GlobalSecondaryIndexes["byG"].CapacityUnits);
        Assert.Equal(1, both.LocalSecondaryIndexes["byL"].CapacityUnits);
        // A new index key is a delete and a put; a non-key attribute only the ALL projection holds writes byL alone.
        var moved = await Put(("pk", S("a")), ("sk", S("1")), ("g", S("y")), ("l", S("p")), ("v", S("1")));
        Assert.Equal(2, moved.GlobalSecondaryIndexes["byG"].CapacityUnits);
        Assert.Equal(1, moved.LocalSecondaryIndexes["byL"].CapacityUnits);
        var update = await fixture.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = name, Key = Item(("pk", S("a")), ("sk", S("1"))), UpdateExpression = "SET v = :v",
            ExpressionAttributeValues = new() { [":v"] = S("2") }, ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        });
        Assert.Equal(2, update.ConsumedCapacity.CapacityUnits);
        Assert.Null(update.ConsumedCapacity.GlobalSecondaryIndexes);
        // Outside both (sparse): the table's unit only, in the form without indexes.
        var outside = await Put(("pk", S("b")), ("sk", S("1")));
        Assert.Equal(1, outside.CapacityUnits);
        Assert.Null(outside.LocalSecondaryIndexes);
        var deleted = await fixture.Client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = name, Key = Item(("pk", S("a")), ("sk", S("1"))), ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });
        Assert.Equal(3, deleted.ConsumedCapacity.CapacityUnits);
        // A transaction's writes cost twice, index writes included.
        var transaction = await fixture.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = name, Item = Item(("pk", S("c")), ("sk", S("1")), ("g", S("x"))) } }],
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });
        Assert.Equal(4, Assert.Single(transaction.ConsumedCapacity).CapacityUnits);
    }
}
