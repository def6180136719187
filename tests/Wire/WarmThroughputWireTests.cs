using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>WarmThroughput of tables and global indexes over the wire: DynamoDB's defaults, values asked for, and its checks.</summary>
[Collection("wire")]
public class WarmThroughputWireTests(SiloFixture fixture)
{
    private readonly AmazonDynamoDBClient _client = fixture.CreateClient();

    private async Task<TableDescription> Table(WarmThroughput? warm, WarmThroughput? indexWarm = null)
    {
        var request = OnDemandTableRequest.WithIndex(UniqueName("warm"), ProjectionType.KEYS_ONLY);
        request.WarmThroughput = warm;
        request.GlobalSecondaryIndexes[0].WarmThroughput = indexWarm;
        return (await _client.CreateTableAsync(request)).TableDescription;
    }

    [Fact]
    public async Task A_new_table_and_index_report_DynamoDB_defaults_with_their_status()
    {
        var table = (await _client.DescribeTableAsync((await Table(null)).TableName)).Table;
        Assert.Equal(12_000, table.WarmThroughput.ReadUnitsPerSecond);
        Assert.Equal(4_000, table.WarmThroughput.WriteUnitsPerSecond);
        Assert.Equal(TableStatus.ACTIVE, table.WarmThroughput.Status);
        var index = table.GlobalSecondaryIndexes[0].WarmThroughput;
        Assert.Equal(12_000, index.ReadUnitsPerSecond);
        Assert.Equal(4_000, index.WriteUnitsPerSecond);
        Assert.Equal(IndexStatus.ACTIVE, index.Status);
    }

    [Fact]
    public async Task Values_asked_for_are_recorded_raised_by_UpdateTable_and_an_index_may_come_down()
    {
        var created = await Table(new WarmThroughput { ReadUnitsPerSecond = 20_000 }, new WarmThroughput { WriteUnitsPerSecond = 9_000 });
        Assert.Equal(20_000, created.WarmThroughput.ReadUnitsPerSecond);
        Assert.Equal(4_000, created.WarmThroughput.WriteUnitsPerSecond);
        Assert.Equal(9_000, created.GlobalSecondaryIndexes[0].WarmThroughput.WriteUnitsPerSecond);

        var updated = (await _client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = created.TableName,
            WarmThroughput = new WarmThroughput { WriteUnitsPerSecond = 6_000 },
            GlobalSecondaryIndexUpdates =
            [
                new GlobalSecondaryIndexUpdate { Update = new UpdateGlobalSecondaryIndexAction { IndexName = "byG", WarmThroughput = new WarmThroughput { WriteUnitsPerSecond = 5_000 } } },
            ],
        })).TableDescription;
        Assert.Equal(20_000, updated.WarmThroughput.ReadUnitsPerSecond);
        Assert.Equal(6_000, updated.WarmThroughput.WriteUnitsPerSecond);
        Assert.Equal(5_000, updated.GlobalSecondaryIndexes[0].WarmThroughput.WriteUnitsPerSecond);
    }

    [Fact]
    public async Task A_table_warm_throughput_cannot_come_down_nor_below_the_defaults()
    {
        var table = (await Table(new WarmThroughput { ReadUnitsPerSecond = 20_000 })).TableName;
        await ThrowsValidation(() => _client.UpdateTableAsync(new UpdateTableRequest { TableName = table, WarmThroughput = new WarmThroughput { ReadUnitsPerSecond = 15_000 } }),
            "One or more parameter values were invalid: WarmThroughput of a table cannot be decreased. Current ReadUnitsPerSecond: 20000. Requested ReadUnitsPerSecond: 15000");
        await ThrowsValidation(() => Table(new WarmThroughput { WriteUnitsPerSecond = 100 }),
            "One or more parameter values were invalid: WarmThroughput WriteUnitsPerSecond must be at least 4000: 100");
    }

    [Fact]
    public async Task A_provisioned_table_reports_at_least_its_units()
    {
        var name = UniqueName("warm");
        await _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(30_000, 5),
        });
        var table = (await _client.DescribeTableAsync(name)).Table;
        Assert.Equal(30_000, table.WarmThroughput.ReadUnitsPerSecond);
        Assert.Equal(4_000, table.WarmThroughput.WriteUnitsPerSecond);
        Assert.Null(table.OnDemandThroughput);
    }
}
