using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>The DynamoDB Streams API over its JSON protocol and through the AWS CLI.</summary>
[Collection("wire")]
public class StreamsWireTests(SiloFixture fixture)
{
    private async Task<string> CreateStreamTable(string name, StreamViewType view)
    {
        var created = await fixture.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = view },
        });
        return created.TableDescription.LatestStreamArn;
    }

    private static string Pk(JsonElement record) => record.GetProperty("dynamodb").GetProperty("Keys").GetProperty("pk").GetProperty("S").GetString()!;

    private static string? Image(JsonElement record, string image) =>
        record.GetProperty("dynamodb").TryGetProperty(image, out var i) ? i.GetProperty("v").GetProperty("N").GetString() : null;

    private static string Sequence(JsonElement record) => record.GetProperty("dynamodb").GetProperty("SequenceNumber").GetString()!;

    [Fact]
    public async Task Every_change_appears_once_in_order_with_the_images_of_its_view_type()
    {
        var name = UniqueName("stream");
        var arn = await CreateStreamTable(name, StreamViewType.NEW_AND_OLD_IMAGES);
        var key = Item(("pk", S("a")));
        await fixture.Client.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("a")), ("v", N("1"))) });
        await fixture.Client.UpdateItemAsync(new UpdateItemRequest { TableName = name, Key = key, UpdateExpression = "SET v = :v", ExpressionAttributeValues = Item((":v", N("2"))) });
        // Writes that change nothing leave no record.
        await fixture.Client.UpdateItemAsync(new UpdateItemRequest { TableName = name, Key = key, UpdateExpression = "SET v = :v", ExpressionAttributeValues = Item((":v", N("2"))) });
        await fixture.Client.DeleteItemAsync(new DeleteItemRequest { TableName = name, Key = Item(("pk", S("absent"))) });
        await fixture.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = name, Item = Item(("pk", S("b")), ("v", N("9"))) } },
                new TransactWriteItem { Delete = new Delete { TableName = name, Key = key } },
            ],
        });

        using var streams = new StreamsApi(fixture.EndpointUrl);
        var listed = await streams.OkAsync("ListStreams", new { TableName = name });
        Assert.Equal(arn, listed.GetProperty("Streams")[0].GetProperty("StreamArn").GetString());
        var records = await streams.ReadAllAsync(arn);

        var ofA = records.Where(r => Pk(r.Record) == "a").ToList();
        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], ofA.Select(r => r.Record.GetProperty("eventName").GetString()));
        string Images(JsonElement r) => $"new={Image(r, "NewImage")} old={Image(r, "OldImage")}";
        Assert.Equal(["new=1 old=", "new=2 old=1", "new= old=2"], ofA.Select(r => Images(r.Record)));
        Assert.True(ofA.Zip(ofA.Skip(1)).All(p => string.CompareOrdinal(Sequence(p.First.Record), Sequence(p.Second.Record)) < 0));
        Assert.Equal(["INSERT"], records.Where(r => Pk(r.Record) == "b").Select(r => r.Record.GetProperty("eventName").GetString()));
        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.True(r.Record.GetProperty("dynamodb").GetProperty("SizeBytes").GetInt32() > 0));
        Assert.Equal(records.Count, records.Select(r => r.Record.GetProperty("eventID").GetString()).Distinct().Count());

        // LATEST sees only what comes after it; AFTER_SEQUENCE_NUMBER starts past a record.
        var shard = ofA[0].Shard;
        var latest = (await streams.OkAsync("GetShardIterator", new { StreamArn = arn, ShardId = shard, ShardIteratorType = "LATEST" })).GetProperty("ShardIterator").GetString();
        Assert.Equal(0, (await streams.OkAsync("GetRecords", new { ShardIterator = latest })).GetProperty("Records").GetArrayLength());
        await fixture.Client.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("a")), ("v", N("3"))) });
        var after = (await streams.OkAsync("GetRecords", new { ShardIterator = latest })).GetProperty("Records");
        Assert.Equal("3", Image(after[0], "NewImage"));
        var past = (await streams.OkAsync("GetShardIterator", new { StreamArn = arn, ShardId = shard, ShardIteratorType = "AFTER_SEQUENCE_NUMBER", SequenceNumber = Sequence(ofA[1].Record) }))
            .GetProperty("ShardIterator").GetString();
        Assert.Equal("REMOVE", (await streams.OkAsync("GetRecords", new { ShardIterator = past, Limit = 1 })).GetProperty("Records")[0].GetProperty("eventName").GetString());
    }

    [Fact]
    public async Task Keys_only_streams_carry_no_images_and_bad_requests_get_AWS_errors()
    {
        var name = UniqueName("keysonly");
        var arn = await CreateStreamTable(name, StreamViewType.KEYS_ONLY);
        await fixture.Client.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("k")), ("v", N("1"))) });
        using var streams = new StreamsApi(fixture.EndpointUrl);
        var record = Assert.Single(await streams.ReadAllAsync(arn)).Record;
        Assert.Equal("k", Pk(record));
        Assert.False(record.GetProperty("dynamodb").TryGetProperty("NewImage", out _));
        Assert.Equal("KEYS_ONLY", record.GetProperty("dynamodb").GetProperty("StreamViewType").GetString());

        var (status, error) = await streams.CallAsync("DescribeStream", new { StreamArn = arn.Replace(name, name + "x") });
        Assert.Equal(400, status);
        Assert.EndsWith("#ResourceNotFoundException", error.GetProperty("__type").GetString());
        (status, error) = await streams.CallAsync("GetRecords", new { ShardIterator = "bm90IGFuIGl0ZXJhdG9y" });
        Assert.EndsWith("#ValidationException", error.GetProperty("__type").GetString());

        // Disabling closes the shards: read to the end, a shard gives no next iterator.
        await fixture.Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, StreamSpecification = new StreamSpecification { StreamEnabled = false } });
        var description = (await streams.OkAsync("DescribeStream", new { StreamArn = arn })).GetProperty("StreamDescription");
        Assert.Equal("DISABLED", description.GetProperty("StreamStatus").GetString());
        var shard = description.GetProperty("Shards")[0];
        Assert.True(shard.GetProperty("SequenceNumberRange").TryGetProperty("EndingSequenceNumber", out _));
        var iterator = (await streams.OkAsync("GetShardIterator", new { StreamArn = arn, ShardId = shard.GetProperty("ShardId").GetString(), ShardIteratorType = "LATEST" }))
            .GetProperty("ShardIterator").GetString();
        Assert.False((await streams.OkAsync("GetRecords", new { ShardIterator = iterator })).TryGetProperty("NextShardIterator", out _));
    }

    [Fact]
    public async Task The_AWS_CLI_reads_a_stream()
    {
        var name = UniqueName("clistream");
        var arn = await CreateStreamTable(name, StreamViewType.NEW_IMAGE);
        await fixture.Client.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("cli")), ("v", N("7"))) });

        var listed = await AwsCli.RunAsync(fixture.EndpointUrl, "dynamodbstreams", "list-streams", "--table-name", name);
        Assert.True(listed.ExitCode == 0, listed.Error);
        Assert.Contains(arn, listed.Output);
        var described = await AwsCli.RunAsync(fixture.EndpointUrl, "dynamodbstreams", "describe-stream", "--stream-arn", arn);
        Assert.True(described.ExitCode == 0, described.Error);
        var shards = JsonDocument.Parse(described.Output).RootElement.GetProperty("StreamDescription").GetProperty("Shards").EnumerateArray()
            .Select(s => s.GetProperty("ShardId").GetString()!).ToList();
        var found = new List<string>();
        foreach (var shard in shards)
        {
            var iterator = await AwsCli.RunAsync(fixture.EndpointUrl, "dynamodbstreams", "get-shard-iterator", "--stream-arn", arn, "--shard-id", shard, "--shard-iterator-type", "TRIM_HORIZON");
            Assert.True(iterator.ExitCode == 0, iterator.Error);
            var text = JsonDocument.Parse(iterator.Output).RootElement.GetProperty("ShardIterator").GetString()!;
            var records = await AwsCli.RunAsync(fixture.EndpointUrl, "dynamodbstreams", "get-records", "--shard-iterator", text);
            Assert.True(records.ExitCode == 0, records.Error);
            found.AddRange(JsonDocument.Parse(records.Output).RootElement.GetProperty("Records").EnumerateArray()
                .Select(r => r.GetProperty("dynamodb").GetProperty("NewImage").GetProperty("v").GetProperty("N").GetString()!));
        }
        Assert.Equal(["7"], found);
    }
}
