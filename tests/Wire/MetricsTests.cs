using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.Tests.Cache;
using Xunit;

namespace DataTier.Tests.Wire;

/// <summary>
/// The Prometheus scrape of a real silo process after DynamoDB, RESP and memcached traffic: the series
/// of the DataTier meter exist with values that follow from that traffic.
/// </summary>
[Collection("wire")]
public class MetricsTests(SiloFixture fixture)
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task The_metrics_endpoint_reports_conditional_failures_partitions_cache_and_protocol_commands()
    {
        var table = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        for (var i = 0; i < 5; i++)
            await fixture.Client.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = $"k{i}" }, ["v"] = new() { S = new string('x', 100) } });
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => fixture.Client.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "k0" } },
            ConditionExpression = "attribute_not_exists(pk)",
        }));
        // DescribeTable has every partition count its items; the gauges follow from then on.
        Assert.Equal(5, (await fixture.Client.DescribeTableAsync(table)).Table.ItemCount);

        await using (var redis = await RespTestClient.ConnectAsync(fixture.Silo.RespPort))
        {
            await redis.CallAsync("SET", "metrics:key", "value");
            await redis.CallAsync("GET", "metrics:key");
            await redis.CallAsync("GET", "metrics:absent");
        }
        await MemcachedAsync("set metrics:mc 0 0 2\r\nhi\r\nget metrics:mc\r\n", "END\r\n");

        // The exporter may answer from a scrape cached a moment before the requests above: look again until they show.
        var series = Parse(await ScrapeAsync());
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline && !series.Any(s => s.Name == "datatier_conditional_check_failures_total" && s.Labels.Contains(table, StringComparison.Ordinal));)
        {
            await Task.Delay(200);
            series = Parse(await ScrapeAsync());
        }
        string Dump() => string.Join('\n', series.Where(s => s.Name.StartsWith("datatier", StringComparison.Ordinal)).Select(s => $"{s.Name}{{{s.Labels}}} {s.Value}"));
        double Sum(string name, string? label = null) =>
            series.Where(s => s.Name == name && (label is null || s.Labels.Contains(label, StringComparison.Ordinal))).Sum(s => s.Value);
        void AtLeast(double least, string name, string? label = null) =>
            Assert.True(series.Any(s => s.Name == name) && Sum(name, label) >= least, $"{name} {label} should be at least {least}:\n{Dump()}");

        AtLeast(1, "datatier_conditional_check_failures_total", $"table=\"{table}\"");
        AtLeast(4, "datatier_partitions_local");
        Assert.True(Sum("datatier_partition_items", $"table=\"{table}\"") == 5, $"items of {table}:\n{Dump()}");
        AtLeast(5 * 100, "datatier_partition_bytes", $"table=\"{table}\"");
        Assert.Equal(4, series.Count(s => s.Name == "datatier_partition_items" && s.Labels.Contains($"table=\"{table}\"", StringComparison.Ordinal)));
        AtLeast(1, "datatier_cache_hits");
        AtLeast(1, "datatier_cache_misses");
        AtLeast(0, "datatier_cache_evictions");
        AtLeast(0, "datatier_cache_expirations");
        AtLeast(2, "datatier_cache_keys");
        AtLeast(1, "datatier_cache_memory_used_bytes");
        AtLeast(0, "datatier_cache_memory_limit_bytes");
        AtLeast(1, "datatier_cache_shards_local");
        AtLeast(3, "datatier_resp_commands_total");
        AtLeast(1, "datatier_memcached_commands_total", "command=\"set\"");
        AtLeast(1, "datatier_memcached_commands_total", "command=\"get\"");
    }

    [Fact]
    public async Task Requests_refused_for_want_of_provisioned_capacity_are_counted_by_table_and_kind()
    {
        var table = "metrics-throttled-" + Guid.NewGuid().ToString("N")[..8];
        var client = fixture.CreateClient(c => c.MaxErrorRetry = 0);
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            ProvisionedThroughput = new ProvisionedThroughput(1, 1),
        });
        var refused = 0;
        for (var i = 0; i < 1000 && refused < 3; i++)
        {
            try
            {
                await client.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = $"k{i}" } });
            }
            catch (ProvisionedThroughputExceededException)
            {
                refused++;
            }
        }
        Assert.Equal(3, refused);

        var label = $"table=\"{table}\"";
        double Writes(List<Series> series) =>
            series.Where(s => s.Name == "datatier_throttled_requests_total" && s.Labels.Contains(label, StringComparison.Ordinal)
                && s.Labels.Contains("kind=\"write\"", StringComparison.Ordinal)).Sum(s => s.Value);
        var series = Parse(await ScrapeAsync());
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline && Writes(series) < 3;)
        {
            await Task.Delay(200);
            series = Parse(await ScrapeAsync());
        }
        Assert.Equal(3, Writes(series));
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await Http.GetAsync(fixture.Silo.AdminUrl + "/metrics");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private async Task MemcachedAsync(string commands, string lastReplyEnd)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", fixture.Silo.MemcachedPort);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(commands));
        var reply = new StringBuilder();
        var buffer = new byte[4096];
        while (!reply.ToString().EndsWith(lastReplyEnd, StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            Assert.True(read > 0, $"memcached closed the connection after: {reply}");
            reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    private sealed record Series(string Name, string Labels, double Value);

    /// <summary>The samples of Prometheus' text format: <c>name{labels} value</c>.</summary>
    private static List<Series> Parse(string text) =>
        [.. text.Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l =>
            {
                var brace = l.IndexOf('{', StringComparison.Ordinal);
                var close = brace >= 0 ? l.LastIndexOf('}') : l.IndexOf(' ', StringComparison.Ordinal) - 1;
                var value = l[(close + 1)..].Trim().Split(' ')[0];
                return new Series(brace >= 0 ? l[..brace] : l[..(close + 1)], brace >= 0 ? l[(brace + 1)..close] : "",
                    double.Parse(value, CultureInfo.InvariantCulture));
            })];
}
