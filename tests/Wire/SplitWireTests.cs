using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>A split seen over the wire: the admin endpoint splits a partition; the Streams API shows the closed parent shard and its children.</summary>
[Collection("wire")]
public class SplitWireTests(SiloFixture fixture)
{
    private static string Pk(JsonElement record) => record.GetProperty("dynamodb").GetProperty("Keys").GetProperty("pk").GetProperty("S").GetString()!;

    private static string Sequence(JsonElement record) => record.GetProperty("dynamodb").GetProperty("SequenceNumber").GetString()!;

    [Fact]
    public async Task The_streams_API_shows_the_closed_parent_shard_and_its_children()
    {
        var name = UniqueName("split");
        var created = await fixture.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE },
        });
        var arn = created.TableDescription.LatestStreamArn;
        const int keys = 40;
        async Task WriteAll(string v)
        {
            for (var k = 0; k < keys; k++)
                await fixture.Client.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S($"k{k}")), ("v", N(v))) });
        }
        await WriteAll("1");
        using var streams = new StreamsApi(fixture.EndpointUrl);
        var before = (await streams.OkAsync("DescribeStream", new { StreamArn = arn })).GetProperty("StreamDescription").GetProperty("Shards").GetArrayLength();

        using var admin = new HttpClient { BaseAddress = new Uri(fixture.Silo.AdminUrl) };
        var split = await admin.PostAsync($"/admin/tables/{name}/partitions/0/split", null);
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/admin/tables/{name}/partitions/0/split", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/admin/tables/{name}-absent/partitions/0/split", null)).StatusCode);
        await WriteAll("2");

        var shards = (await streams.OkAsync("DescribeStream", new { StreamArn = arn })).GetProperty("StreamDescription").GetProperty("Shards").EnumerateArray().ToList();
        Assert.Equal(before + 2, shards.Count);
        var parent = shards[0];
        var parentId = parent.GetProperty("ShardId").GetString();
        Assert.True(parent.GetProperty("SequenceNumberRange").TryGetProperty("EndingSequenceNumber", out _), "the split partition's shard is closed");
        var children = shards.Where(s => s.TryGetProperty("ParentShardId", out var p) && p.GetString() == parentId).ToList();
        Assert.Equal(2, children.Count);
        Assert.All(children, c => Assert.False(c.GetProperty("SequenceNumberRange").TryGetProperty("EndingSequenceNumber", out _)));
        var parentEnd = parent.GetProperty("SequenceNumberRange").GetProperty("EndingSequenceNumber").GetString();
        Assert.All(children, c => Assert.True(string.CompareOrdinal(c.GetProperty("SequenceNumberRange").GetProperty("StartingSequenceNumber").GetString(), parentEnd) > 0,
            "a child's sequence numbers follow its parent's"));
        Assert.Equal(shards.Count - 1, shards.Count(s => !s.GetProperty("SequenceNumberRange").TryGetProperty("EndingSequenceNumber", out _)));

        // Every change once, each item's in order, parent shards read first.
        var records = await streams.ReadAllAsync(arn, pageSize: 7);
        Assert.Equal(2 * keys, records.Count);
        foreach (var group in records.GroupBy(r => Pk(r.Record)))
        {
            var ofKey = group.ToList();
            Assert.Equal(["INSERT", "MODIFY"], ofKey.Select(r => r.Record.GetProperty("eventName").GetString()));
            Assert.True(string.CompareOrdinal(Sequence(ofKey[0].Record), Sequence(ofKey[1].Record)) < 0, $"{group.Key}: sequence numbers must grow from parent to child");
        }
        Assert.Contains(records, r => r.Shard == parentId);
        Assert.All(records.Where(r => r.Shard == parentId), r => Assert.Equal("INSERT", r.Record.GetProperty("eventName").GetString()));

        // GetRecords on the closed shard: its records, then the end, without a next iterator.
        var iterator = (await streams.OkAsync("GetShardIterator", new { StreamArn = arn, ShardId = parentId, ShardIteratorType = "TRIM_HORIZON" })).GetProperty("ShardIterator").GetString();
        var page = await streams.OkAsync("GetRecords", new { ShardIterator = iterator });
        Assert.Equal(records.Count(r => r.Shard == parentId), page.GetProperty("Records").GetArrayLength());
        var end = await streams.OkAsync("GetRecords", new { ShardIterator = page.GetProperty("NextShardIterator").GetString() });
        Assert.Equal(0, end.GetProperty("Records").GetArrayLength());
        Assert.False(end.TryGetProperty("NextShardIterator", out _));

        // The table itself: every item readable, the scan and the item count whole.
        for (var k = 0; k < keys; k++)
            Assert.Equal("2", (await fixture.Client.GetItemAsync(name, Item(("pk", S($"k{k}"))))).Item["v"].N);
        Assert.Equal(keys, (await fixture.Client.ScanAsync(new ScanRequest { TableName = name, Select = Select.COUNT })).Count);
        Assert.Equal(keys, (await fixture.Client.DescribeTableAsync(name)).Table.ItemCount);
    }
}
