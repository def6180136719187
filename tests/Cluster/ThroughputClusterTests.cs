using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;
using Xunit;

namespace DataTier.Tests.Cluster;

/// <summary>The grain client SDK over a three-silo cluster gets AWS's throttling error from a PROVISIONED table whose capacity is spent.</summary>
[Collection("cluster")]
public class ThroughputClusterTests(ClusterFixture fixture)
{
    /// <summary>A PROVISIONED table with a string partition key, under a new name that starts with <paramref name="prefix"/>.</summary>
    internal static async Task<string> CreateProvisionedTable(ClusterFixture fixture, string prefix, long read, long write)
    {
        var name = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Tables.CreateTableAsync(new TableDefinition
        {
            Name = name,
            KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), null),
            AttributeDefinitions = [new KeyAttribute("pk", AttrType.S)],
            ReadCapacityUnits = read,
            WriteCapacityUnits = write,
        });
        return name;
    }

    [Fact]
    public async Task A_hot_key_on_a_PROVISIONED_table_is_throttled_once_its_silos_share_of_the_burst_is_spent()
    {
        var name = await CreateProvisionedTable(fixture, "throughput", read: 1, write: 1);
        DynamoException? refused = null;
        var landed = 0;
        for (; landed < 1000 && refused is null; landed++)
        {
            try
            {
                await fixture.Tables.PutItemAsync(new PutItemRequest
                {
                    TableName = name,
                    Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("hot"), ["n"] = AttrValue.FromN(landed.ToString()) },
                });
            }
            catch (DynamoException e)
            {
                refused = e;
                landed--;
            }
        }
        Assert.NotNull(refused);
        Assert.Equal(DynamoErrorCode.ProvisionedThroughputExceededException, refused.Code);
        Assert.StartsWith("The level of configured provisioned throughput for the table was exceeded.", refused.Message);
        // The hot key's silo allows at least an even third of the table's 300 units of burst, and less than all of them plus what refilled.
        Assert.InRange(landed, 100, 999);
    }
}
