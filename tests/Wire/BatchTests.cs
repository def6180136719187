using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

[Collection("wire")]
public class BatchTests(SiloFixture fixture)
{
    [Fact]
    public async Task Batch_write_then_batch_get_across_two_tables()
    {
        var a = UniqueName("batch-a");
        var b = UniqueName("batch-b");
        await CreateTable(fixture.Client, a, ("pk", ScalarAttributeType.S));
        await CreateTable(fixture.Client, b, ("pk", ScalarAttributeType.S));
        await fixture.Client.PutItemAsync(a, Item(("pk", S("doomed"))));

        var written = await fixture.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new Dictionary<string, List<WriteRequest>>
            {
                [a] = [.. Enumerable.Range(0, 12).Select(i => new WriteRequest(new PutRequest(Item(("pk", S($"a{i}")), ("n", N(i.ToString())))))),
                       new WriteRequest(new DeleteRequest(Item(("pk", S("doomed")))))],
                [b] = [.. Enumerable.Range(0, 12).Select(i => new WriteRequest(new PutRequest(Item(("pk", S($"b{i}"))))))],
            },
        });
        Assert.True(written.UnprocessedItems is null || written.UnprocessedItems.Count == 0);

        var read = await fixture.Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new Dictionary<string, KeysAndAttributes>
            {
                [a] = new() { Keys = [.. Enumerable.Range(0, 12).Select(i => Item(("pk", S($"a{i}")))), Item(("pk", S("doomed"))), Item(("pk", S("never")))], ProjectionExpression = "n" },
                [b] = new() { Keys = [Item(("pk", S("b3")))] },
            },
        });
        Assert.Equal(12, read.Responses[a].Count);
        Assert.All(read.Responses[a], item => Assert.Equal(["n"], item.Keys));
        Assert.Equal("b3", Assert.Single(read.Responses[b])["pk"].S);
        Assert.True(read.UnprocessedKeys is null || read.UnprocessedKeys.Count == 0);
    }

    [Fact]
    public async Task Batch_limits_and_duplicates_are_refused_before_anything_is_written()
    {
        var t = UniqueName("batch-limits");
        await CreateTable(fixture.Client, t, ("pk", ScalarAttributeType.S));
        await ThrowsValidation(() => fixture.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [t] = [.. Enumerable.Range(0, 26).Select(i => new WriteRequest(new PutRequest(Item(("pk", S($"k{i}"))))))] },
        }), "Too many items requested for the BatchWriteItem call");
        await ThrowsValidation(() => fixture.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [t] = [new WriteRequest(new PutRequest(Item(("pk", S("same"))))), new WriteRequest(new PutRequest(Item(("pk", S("fresh"))))), new WriteRequest(new DeleteRequest(Item(("pk", S("same")))))] },
        }), "Provided list of item keys contains duplicates");
        await ThrowsValidation(() => fixture.Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [t] = new() { Keys = [.. Enumerable.Range(0, 101).Select(i => Item(("pk", S($"k{i}"))))] } },
        }), "Too many items requested for the BatchGetItem call");
        var scan = await fixture.Client.ScanAsync(new ScanRequest { TableName = t });
        Assert.Equal(0, scan.Count);
    }

}
