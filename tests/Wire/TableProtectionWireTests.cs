using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>Deletion protection and the table class, set by CreateTable and UpdateTable and reported by DescribeTable, over the AWS SDK.</summary>
[Collection("wire")]
public class TableProtectionWireTests(SiloFixture fixture)
{
    private readonly AmazonDynamoDBClient _client = fixture.CreateClient(c => c.MaxErrorRetry = 0);

    private async Task<string> Table(bool? protect = null, TableClass? tableClass = null)
    {
        var name = UniqueName("protected");
        await _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            DeletionProtectionEnabled = protect,
            TableClass = tableClass,
        });
        return name;
    }

    [Fact]
    public async Task A_protected_table_is_not_deleted_until_UpdateTable_turns_the_protection_off()
    {
        var name = await Table(protect: true);
        Assert.True((await _client.DescribeTableAsync(name)).Table.DeletionProtectionEnabled);
        await _client.PutItemAsync(name, Item(("pk", S("kept"))));
        var refused = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.DeleteTableAsync(name));
        Assert.Equal("ValidationException", refused.ErrorCode);
        Assert.Equal($"1 validation error detected: Table '{name}' can't be deleted while DeletionProtectionEnabled is set to True", refused.Message);
        Assert.True((await _client.GetItemAsync(name, Item(("pk", S("kept"))))).IsItemSet);

        var updated = await _client.UpdateTableAsync(new UpdateTableRequest { TableName = name, DeletionProtectionEnabled = false });
        Assert.False(updated.TableDescription.DeletionProtectionEnabled);
        await _client.DeleteTableAsync(name);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _client.DescribeTableAsync(name));
    }

    [Fact]
    public async Task UpdateTable_turns_protection_on_and_the_table_class_is_kept_and_reported()
    {
        var name = await Table();
        var described = (await _client.DescribeTableAsync(name)).Table;
        Assert.False(described.DeletionProtectionEnabled);
        Assert.Null(described.TableClassSummary);
        await _client.UpdateTableAsync(new UpdateTableRequest { TableName = name, DeletionProtectionEnabled = true });
        await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.DeleteTableAsync(name));

        var infrequent = await Table(tableClass: TableClass.STANDARD_INFREQUENT_ACCESS);
        Assert.Equal(TableClass.STANDARD_INFREQUENT_ACCESS, (await _client.DescribeTableAsync(infrequent)).Table.TableClassSummary.TableClass);
        var changed = await _client.UpdateTableAsync(new UpdateTableRequest { TableName = infrequent, TableClass = TableClass.STANDARD });
        Assert.Equal(TableClass.STANDARD, changed.TableDescription.TableClassSummary.TableClass);
        Assert.True(changed.TableDescription.TableClassSummary.LastUpdateDateTime > DateTime.UtcNow.AddMinutes(-5));

        var invalid = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = UniqueName("class"),
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            TableClass = new TableClass("COLD"),
        }));
        Assert.Equal("1 validation error detected: Value 'COLD' at 'tableClass' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, STANDARD_INFREQUENT_ACCESS]", invalid.Message);
    }
}
