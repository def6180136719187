using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataTier.Tests.Wire;

/// <summary>
/// The DynamoDB Streams API over raw JSON 1.0 (AWSSDK.DynamoDBv2 4.x has no streams client, and the
/// separate package is not served here); the AWS CLI tests cover a real client.
/// </summary>
public sealed class StreamsApi(string endpointUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(endpointUrl) };

    public async Task<(int Status, JsonElement Body)> CallAsync(string operation, object request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        message.Content.Headers.ContentType!.CharSet = null;
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDBStreams_20120810." + operation);
        using var response = await _http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> OkAsync(string operation, object request)
    {
        var (status, body) = await CallAsync(operation, request);
        if (status != 200) throw new InvalidOperationException($"{operation} answered {status}: {body}");
        return body;
    }

    /// <summary>Every record of every shard from TRIM_HORIZON, with the shard it came from.</summary>
    public async Task<List<(string Shard, JsonElement Record)>> ReadAllAsync(string arn, int pageSize = 2)
    {
        var description = await OkAsync("DescribeStream", new { StreamArn = arn });
        var result = new List<(string, JsonElement)>();
        foreach (var shard in description.GetProperty("StreamDescription").GetProperty("Shards").EnumerateArray())
        {
            var shardId = shard.GetProperty("ShardId").GetString()!;
            var iterator = (await OkAsync("GetShardIterator", new { StreamArn = arn, ShardId = shardId, ShardIteratorType = "TRIM_HORIZON" }))
                .GetProperty("ShardIterator").GetString();
            while (iterator is not null)
            {
                var page = await OkAsync("GetRecords", new { ShardIterator = iterator, Limit = pageSize });
                var records = page.GetProperty("Records").EnumerateArray().ToList();
                result.AddRange(records.Select(r => (shardId, r)));
                if (records.Count == 0) break;
                iterator = page.TryGetProperty("NextShardIterator", out var next) ? next.GetString() : null;
            }
        }
        return result;
    }

    public void Dispose() => _http.Dispose();
}
