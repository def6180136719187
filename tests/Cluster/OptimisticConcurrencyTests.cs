using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using Xunit;

namespace DataTier.Tests.Cluster;

[Collection("cluster")]
public class OptimisticConcurrencyTests(ClusterFixture fixture)
{
    private static Dictionary<string, AttrValue> Key(string pk) => new() { ["pk"] = AttrValue.FromS(pk) };

    [Fact]
    public async Task Concurrent_version_checked_writers_lose_no_update()
    {
        await PartitioningTests.CreateTable(fixture, "counters");
        var tables = fixture.Tables;
        await tables.PutItemAsync(new PutItemRequest { TableName = "counters", Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("c"), ["n"] = AttrValue.FromN(0) } });

        var successes = 0;
        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, 12).Select(w => Task.Run(async () =>
        {
            var client = tables;
            for (var done = 0; done < 20;)
            {
                var current = await client.GetItemAsync(new GetItemRequest { TableName = "counters", Key = Key("c") });
                var next = DynamoNumber.Add(current.Item!["n"].Number, DynamoNumber.FromInt64(1));
                try
                {
                    await client.PutItemAsync(new PutItemRequest
                    {
                        TableName = "counters",
                        Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("c"), ["n"] = AttrValue.FromN(next) },
                        ExpectedVersion = current.Version,
                    });
                    Interlocked.Increment(ref successes);
                    done++;
                }
                catch (DynamoException e) when (e.Code == DynamoErrorCode.ConditionalCheckFailedException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));

        var final = await tables.GetItemAsync(new GetItemRequest { TableName = "counters", Key = Key("c") });
        Assert.Equal(240, successes);
        Assert.Equal(successes.ToString(), final.Item!["n"].Text);
        Assert.Equal(successes + 1, final.Version);
        Assert.True(conflicts > 0, "the writers should have raced at least once");
    }

    [Fact]
    public async Task Version_attribute_condition_pattern_lose_no_update()
    {
        await PartitioningTests.CreateTable(fixture, "versioned");
        var tables = fixture.Tables;
        var successes = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var done = 0; done < 15;)
            {
                var current = await tables.GetItemAsync(new GetItemRequest { TableName = "versioned", Key = Key("doc") });
                var version = current.Item is null ? 0 : long.Parse(current.Item["ver"].Text!);
                var request = new PutItemRequest
                {
                    TableName = "versioned",
                    Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("doc"), ["ver"] = AttrValue.FromN(version + 1) },
                    ConditionExpression = current.Item is null ? "attribute_not_exists(#v)" : "#v = :v",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#v"] = "ver" },
                    ExpressionAttributeValues = current.Item is null ? null : new Dictionary<string, AttrValue> { [":v"] = AttrValue.FromN(version) },
                };
                try
                {
                    await tables.PutItemAsync(request);
                    Interlocked.Increment(ref successes);
                    done++;
                }
                catch (DynamoException e) when (e.Code == DynamoErrorCode.ConditionalCheckFailedException)
                {
                }
            }
        })));
        var final = await tables.GetItemAsync(new GetItemRequest { TableName = "versioned", Key = Key("doc") });
        Assert.Equal(120, successes);
        Assert.Equal("120", final.Item!["ver"].Text);
    }

    [Fact]
    public async Task Expected_version_zero_means_create_only()
    {
        await PartitioningTests.CreateTable(fixture, "createonly");
        var put = new PutItemRequest { TableName = "createonly", Item = Key("x"), ExpectedVersion = 0 };
        var first = await fixture.Tables.PutItemAsync(put);
        Assert.Equal(1, first.Version);
        var e = await Assert.ThrowsAsync<DynamoException>(() => fixture.Tables.PutItemAsync(put));
        Assert.Equal(DynamoErrorCode.ConditionalCheckFailedException, e.Code);
        Assert.Equal("The conditional request failed", e.Message);
    }
}
