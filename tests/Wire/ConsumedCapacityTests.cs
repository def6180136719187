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
}
