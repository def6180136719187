using System.IO.Hashing;
using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace DataTier.Tests.Wire;

/// <summary>The JSON 1.0 protocol as raw HTTP: what SDKs rely on without showing it.</summary>
[Collection("wire")]
public class RawProtocolTests(SiloFixture fixture)
{
    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response, byte[] Bytes)> Send(string? target, string body)
    {
        var response = await RawRequests.SendAsync(fixture.EndpointUrl, new StringContent(body, Encoding.UTF8), target);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, JsonDocument.Parse(bytes).RootElement.Clone(), response, bytes);
    }

    [Fact]
    public async Task Every_response_carries_the_crc32_of_its_body_and_a_request_id()
    {
        foreach (var (target, body) in new[] { ("DynamoDB_20120810.ListTables", "{}"), ("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"no-such-table\"}") })
        {
            var (_, _, response, bytes) = await Send(target, body);
            Assert.Equal(Crc32.HashToUInt32(bytes).ToString(), response.Headers.GetValues("x-amz-crc32").Single());
            Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("x-amzn-RequestId").Single()));
            Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Theory]
    [InlineData("DynamoDB_20120810.FrobnicateTable")]
    [InlineData("Nonsense")]
    [InlineData(null)]
    public async Task Unknown_operations_are_refused(string? target)
    {
        var (status, body, _, _) = await Send(target, "{}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("com.amazon.coral.service#UnknownOperationException", body.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task Malformed_json_and_wrong_member_types_are_serialization_errors()
    {
        var (status, body, _, _) = await Send("DynamoDB_20120810.ListTables", "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("com.amazon.coral.service#SerializationException", body.GetProperty("__type").GetString());

        (status, body, _, _) = await Send("DynamoDB_20120810.DescribeTable", "{\"TableName\": 5}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("com.amazon.coral.service#SerializationException", body.GetProperty("__type").GetString());
        Assert.Equal("NUMBER_VALUE can not be converted to a String", body.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task Missing_required_members_are_listed_in_one_validation_error()
    {
        var (status, body, _, _) = await Send("DynamoDB_20120810.PutItem", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("com.amazon.coral.validate#ValidationException", body.GetProperty("__type").GetString());
        Assert.Equal("2 validation errors detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null; Value null at 'item' failed to satisfy constraint: Member must not be null",
            body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Attribute_values_must_hold_exactly_one_type()
    {
        var (_, body, _, _) = await Send("DynamoDB_20120810.GetItem", "{\"TableName\":\"whatever\",\"Key\":{\"pk\":{}}}");
        Assert.Equal("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes", body.GetProperty("message").GetString());
        (_, body, _, _) = await Send("DynamoDB_20120810.GetItem", "{\"TableName\":\"whatever\",\"Key\":{\"pk\":{\"S\":\"a\",\"N\":\"1\"}}}");
        Assert.Equal("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes", body.GetProperty("message").GetString());
        (_, body, _, _) = await Send("DynamoDB_20120810.GetItem", "{\"TableName\":\"whatever\",\"Key\":{\"pk\":{\"NULL\":false}}}");
        Assert.Equal("One or more parameter values were invalid: Null attribute value types must have the value of true", body.GetProperty("message").GetString());
    }
}
