using DataTier.Client.Expressions;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using Xunit;

namespace DataTier.Tests.Cluster;

/// <summary>The SDK's expression builder end to end: built expressions on real requests through the cluster.</summary>
[Collection("cluster")]
public class ExpressionBuilderClusterTests(ClusterFixture fixture)
{
    private static Dictionary<string, AttrValue> Key(string pk, long sk) => new() { ["pk"] = AttrValue.FromS(pk), ["sk"] = AttrValue.FromN(sk) };

    [Fact]
    public async Task Built_expressions_drive_puts_updates_reads_queries_and_scans()
    {
        await PartitioningTests.CreateTable(fixture, "built", AttrType.N);
        var tables = fixture.Tables;
        for (var i = 1; i <= 5; i++)
        {
            var item = new Dictionary<string, AttrValue>(Key("ticket", i)) { ["status"] = AttrValue.FromS(i % 2 == 0 ? "open" : "closed"), ["retries"] = AttrValue.FromN(i) };
            await tables.PutItemAsync(new PutItemRequest { TableName = "built", Item = item }.WithCondition(Condition.Attribute("pk").NotExists()));
        }

        // A second create-only put fails the condition.
        var again = new PutItemRequest { TableName = "built", Item = Key("ticket", 1) }.WithCondition(Condition.Attribute("pk").NotExists());
        var failed = await Assert.ThrowsAsync<DynamoException>(() => tables.PutItemAsync(again));
        Assert.Equal(DynamoErrorCode.ConditionalCheckFailedException, failed.Code);

        // Reserved words (status, count, name) as attribute names, without thinking about them.
        var update = new UpdateItemRequest { TableName = "built", Key = Key("ticket", 2), ReturnValues = ReturnValues.ALL_NEW }
            .WithUpdate(Update.Set("status", "closed").Add("count", 1).Set("name", "second").Remove("retries").AppendToList("log", "closed"),
                Condition.Attribute("status").Eq("open").And(Condition.Attribute("retries").Lt(3)));
        var updated = await tables.UpdateItemAsync(update);
        Assert.Equal("closed", updated.Attributes!["status"].Text);
        Assert.Equal("1", updated.Attributes["count"].Text);
        Assert.False(updated.Attributes.ContainsKey("retries"));
        Assert.Single(updated.Attributes["log"].List!);

        var blocked = new UpdateItemRequest { TableName = "built", Key = Key("ticket", 4) }
            .WithUpdate(Update.Set("status", "closed"), Condition.Attribute("retries").Lt(3));
        Assert.Equal(DynamoErrorCode.ConditionalCheckFailedException, (await Assert.ThrowsAsync<DynamoException>(() => tables.UpdateItemAsync(blocked))).Code);

        var read = await tables.GetItemAsync(new GetItemRequest { TableName = "built", Key = Key("ticket", 2) }.WithProjection(Projection.Of("name", "count")));
        Assert.Equal(["count", "name"], read.Item!.Keys.Order());

        var query = await tables.QueryAsync(new QueryRequest { TableName = "built", KeyConditionExpression = "" }
            .WithKeyCondition(KeyCondition.PartitionKey("pk", "ticket").SortKey("sk").Between(2, 5),
                Condition.Attribute("status").Eq("closed"), Projection.Of("sk")));
        Assert.Equal(["2", "3", "5"], query.Items.Select(i => i["sk"].Text));
        Assert.Equal(4, query.ScannedCount);

        var scan = await tables.ScanAsync(new ScanRequest { TableName = "built" }
            .WithFilter(Condition.Attribute("status").Eq("open") | Condition.Attribute("count").Exists()));
        Assert.Equal(["2", "4"], scan.Items.Select(i => i["sk"].Text).Order());

        await tables.DeleteItemAsync(new DeleteItemRequest { TableName = "built", Key = Key("ticket", 5) }.WithCondition(Condition.Attribute("status").In("closed", "gone")));
        Assert.Null((await tables.GetItemAsync(new GetItemRequest { TableName = "built", Key = Key("ticket", 5) })).Item);
    }
}
