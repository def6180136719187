using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

[Collection("wire")]
public class AdminTests(SiloFixture fixture)
{
    [Fact]
    public async Task Tags_are_added_replaced_listed_and_removed()
    {
        var name = UniqueName("tags");
        var table = await CreateTable(fixture.Client, name, ("pk", ScalarAttributeType.S));
        await fixture.Client.TagResourceAsync(new TagResourceRequest { ResourceArn = table.TableArn, Tags = [new Tag { Key = "env", Value = "test" }, new Tag { Key = "team", Value = "a" }] });
        await fixture.Client.TagResourceAsync(new TagResourceRequest { ResourceArn = table.TableArn, Tags = [new Tag { Key = "team", Value = "b" }] });
        var listed = await fixture.Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = table.TableArn });
        Assert.Equal(["env=test", "team=b"], listed.Tags.Select(t => $"{t.Key}={t.Value}"));
        await fixture.Client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = table.TableArn, TagKeys = ["env"] });
        listed = await fixture.Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = table.TableArn });
        Assert.Equal(["team=b"], listed.Tags.Select(t => $"{t.Key}={t.Value}"));

        var missing = table.TableArn.Replace(name, name + "-gone");
        var e = await Assert.ThrowsAsync<ResourceNotFoundException>(() => fixture.Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = missing }));
        Assert.Equal($"Requested resource not found: ResourcArn: {missing} not found", e.Message);
    }

    [Fact]
    public async Task A_stream_specification_is_kept_enabled_and_disabled_as_AWS_does()
    {
        var name = UniqueName("streamspec");
        await fixture.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
        var described = (await fixture.Client.DescribeTableAsync(name)).Table;
        Assert.True(described.StreamSpecification.StreamEnabled);
        Assert.Equal(StreamViewType.NEW_AND_OLD_IMAGES, described.StreamSpecification.StreamViewType);
        Assert.Equal($"{described.TableArn}/stream/{described.LatestStreamLabel}", described.LatestStreamArn);
        var firstLabel = described.LatestStreamLabel;

        var again = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => fixture.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.KEYS_ONLY },
        }));
        Assert.Equal($"Table already has an enabled stream: TableName: {name}", again.Message);
        var withView = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => fixture.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            StreamSpecification = new StreamSpecification { StreamEnabled = false, StreamViewType = StreamViewType.KEYS_ONLY },
        }));
        Assert.Equal("One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified", withView.Message);

        var disabled = (await fixture.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            StreamSpecification = new StreamSpecification { StreamEnabled = false },
        })).TableDescription;
        Assert.Null(disabled.StreamSpecification);
        Assert.Equal(firstLabel, disabled.LatestStreamLabel);
        var none = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => fixture.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            StreamSpecification = new StreamSpecification { StreamEnabled = false },
        }));
        Assert.Equal($"Table has no stream to disable: TableName: {name}", none.Message);
        var noView = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => fixture.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            StreamSpecification = new StreamSpecification { StreamEnabled = true },
        }));
        Assert.Equal("One or more parameter values were invalid: If stream is being enabled then UpdateViewType is required", noView.Message);

        await Task.Delay(5); // labels are to the millisecond: a re-enabled stream gets a new one
        var enabled = (await fixture.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.KEYS_ONLY },
        })).TableDescription;
        Assert.Equal(StreamViewType.KEYS_ONLY, enabled.StreamSpecification.StreamViewType);
        Assert.NotEqual(firstLabel, enabled.LatestStreamLabel);
    }

    [Fact]
    public async Task Time_to_live_is_enabled_described_and_expired_items_are_not_read()
    {
        var name = UniqueName("ttl");
        await CreateTable(fixture.Client, name, ("pk", ScalarAttributeType.S), billing: BillingMode.PAY_PER_REQUEST);
        var updated = await fixture.Client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = name,
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expiresAt" },
        });
        Assert.Equal("expiresAt", updated.TimeToLiveSpecification.AttributeName);
        var described = await fixture.Client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = name });
        Assert.Equal(TimeToLiveStatus.ENABLED, described.TimeToLiveDescription.TimeToLiveStatus);
        Assert.Equal("expiresAt", described.TimeToLiveDescription.AttributeName);
        var past = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60).ToString();
        await fixture.Client.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("gone")), ("expiresAt", N(past))) });
        var read = await fixture.Client.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", S("gone"))) });
        Assert.False(HasItem(read.Item));

        var cli = await AwsCli.RunAsync(fixture.EndpointUrl, "dynamodb", "describe-time-to-live", "--table-name", name);
        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Contains("\"ENABLED\"", cli.Output);
        var again = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => fixture.Client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = name,
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "other" },
        }));
        Assert.Equal("TimeToLive is active on a different AttributeName: current AttributeName is expiresAt", again.Message);
    }

    [Fact]
    public async Task Update_table_switches_billing_and_throughput()
    {
        var name = UniqueName("update");
        await CreateTable(fixture.Client, name, ("pk", ScalarAttributeType.S), billing: BillingMode.PAY_PER_REQUEST);
        var updated = await fixture.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PROVISIONED,
            ProvisionedThroughput = new ProvisionedThroughput(7, 9),
        });
        Assert.Equal(7, updated.TableDescription.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(9, updated.TableDescription.ProvisionedThroughput.WriteCapacityUnits);
        // a table that was on demand keeps its summary, now PROVISIONED, as in AWS (and dynalite)
        Assert.Equal(BillingMode.PROVISIONED, updated.TableDescription.BillingModeSummary.BillingMode);

        await ThrowsValidation(() => fixture.Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, ProvisionedThroughput = new ProvisionedThroughput(7, 9) }),
            "The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: 7. Requested ReadCapacityUnits: 7. Current WriteCapacityUnits provisioned for the table: 9. Requested WriteCapacityUnits: 9. Refer to the Amazon DynamoDB Developer Guide for current limits and how to increase them.");

        var back = await fixture.Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, BillingMode = BillingMode.PAY_PER_REQUEST });
        Assert.Equal(BillingMode.PAY_PER_REQUEST, back.TableDescription.BillingModeSummary.BillingMode);
        var described = await fixture.Client.DescribeTableAsync(name);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, described.Table.BillingModeSummary.BillingMode);
    }

    [Fact]
    public async Task Limits_and_endpoints_are_described()
    {
        var limits = await fixture.Client.DescribeLimitsAsync(new DescribeLimitsRequest());
        Assert.Equal(40000, limits.TableMaxReadCapacityUnits);
        Assert.Equal(80000, limits.AccountMaxWriteCapacityUnits);
        var endpoints = await fixture.Client.DescribeEndpointsAsync(new DescribeEndpointsRequest());
        Assert.Equal(new Uri(fixture.EndpointUrl).Authority, Assert.Single(endpoints.Endpoints).Address);
    }
}
