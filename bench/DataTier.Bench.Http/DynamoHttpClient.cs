using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace DataTier.Bench.Http;

/// <summary>Posts pre-serialised bodies to a DynamoDB JSON 1.0 endpoint over one pooled connection set.</summary>
public sealed class DynamoHttpClient : IDisposable
{
    internal const string Authorization =
        "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0";

    internal const string AmzDate = "20260101T000000Z";

    private static readonly MediaTypeHeaderValue JsonType = new("application/x-amz-json-1.0");
    private readonly HttpClient _http;

    public DynamoHttpClient(string url, int connections)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            UseCookies = false,
        })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>Sends one request and reads the whole response; the body is returned only for non-2xx answers.</summary>
    public async Task<(int Status, string? Error)> SendAsync(string operation, byte[] body)
    {
        using var request = Request(operation, body);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var status = (int)response.StatusCode;
        return status is >= 200 and < 300 ? (status, null) : (status, await response.Content.ReadAsStringAsync());
    }

    public async Task<(int Status, string Body)> SendForBodyAsync(string operation, byte[] body)
    {
        using var request = Request(operation, body);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Request(string operation, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonType;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        // dynalite refuses a request with an Authorization header but no date (it checks nothing else).
        request.Headers.TryAddWithoutValidation("X-Amz-Date", AmzDate);
        return request;
    }

    /// <summary>Waits (up to 30 s) until DescribeTable no longer says CREATING.</summary>
    public async Task WaitUntilActiveAsync(string table)
    {
        var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
        while (true)
        {
            var (status, body) = await SendForBodyAsync("DescribeTable", DynamoRequests.DescribeTable(table));
            if (status == 200 && !body.Contains("\"TableStatus\":\"CREATING\"", StringComparison.Ordinal)) return;
            if (Stopwatch.GetTimestamp() > deadline) throw new InvalidOperationException($"table {table} not active after 30 s: {status} {body}");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits until the table's replica in <paramref name="region"/> has been sent the items (ReplicaStatus ACTIVE).</summary>
    public async Task WaitUntilReplicaActiveAsync(string table, string region)
    {
        var deadline = Stopwatch.GetTimestamp() + 120 * Stopwatch.Frequency;
        while (true)
        {
            var (status, body) = await SendForBodyAsync("DescribeTable", DynamoRequests.DescribeTable(table));
            if (status == 200 && body.Contains("{\"RegionName\":\"" + region + "\",\"ReplicaStatus\":\"ACTIVE\"}", StringComparison.Ordinal)) return;
            if (Stopwatch.GetTimestamp() > deadline) throw new InvalidOperationException($"the replica of {table} in {region} not active after 120 s: {status} {body}");
            await Task.Delay(200);
        }
    }

    public void Dispose() => _http.Dispose();
}
