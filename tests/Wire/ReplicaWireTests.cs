using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>Read replicas through the AWS SDK: the <c>datatier:replicas</c> tag and the lag metric at <c>/metrics</c>.</summary>
[Collection("wire")]
public class ReplicaWireTests(SiloFixture fixture)
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task A_create_table_tag_sets_replicas_that_serve_eventually_consistent_reads_and_report_lag()
    {
        var name = UniqueName("replicated");
        var created = await fixture.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Tags = [new Tag { Key = "datatier:replicas", Value = "2" }],
        });
        var tags = await fixture.Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = created.TableDescription.TableArn });
        Assert.Equal(["datatier:replicas=2"], tags.Tags.Select(t => $"{t.Key}={t.Value}"));
        for (var i = 0; i < 10; i++)
            await fixture.Client.PutItemAsync(name, new Dictionary<string, AttributeValue> { ["pk"] = new($"k{i}"), ["n"] = new() { N = $"{i}" } });

        // Eventually consistent reads take turns over the owner and two replicas; each converges.
        for (var i = 0; i < 10; i++)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            for (var copy = 0; copy < 3; copy++)
            {
                while ((await fixture.Client.GetItemAsync(new GetItemRequest { TableName = name, Key = new() { ["pk"] = new($"k{i}") } })).Item is not { Count: > 0 } item
                       || item["n"].N != $"{i}")
                {
                    Assert.True(DateTime.UtcNow < deadline, $"k{i} not readable from every copy in 20 s");
                    await Task.Delay(50);
                }
            }
        }

        var metrics = await Http.GetStringAsync(fixture.Silo.AdminUrl + "/metrics");
        Assert.Contains($"datatier_replica_lag_milliseconds{{otel_scope_name=\"DataTier\",table=\"{name}\"}}", metrics);
        Assert.Contains($"datatier_replica_lag_records{{otel_scope_name=\"DataTier\",table=\"{name}\"}}", metrics);

        var invalid = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => fixture.Client.TagResourceAsync(new TagResourceRequest
        {
            ResourceArn = created.TableDescription.TableArn,
            Tags = [new Tag { Key = "datatier:replicas", Value = "many" }],
        }));
        Assert.Equal("ValidationException", invalid.ErrorCode);
        Assert.Equal("One or more parameter values were invalid: The value of tag datatier:replicas must be an integer from 0 to 5, not 'many'", invalid.Message);
    }
}
