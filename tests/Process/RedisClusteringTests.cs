using System.Diagnostics;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.Client.Hosting;
using DataTier.Tests.Cache;
using DataTier.Tests.Peers;
using DataTier.Tests.Wire;
using Xunit;
using Xunit.Abstractions;

namespace DataTier.Tests.Processes;

/// <summary>
/// Two silo processes find each other through Redis membership (Microsoft.Orleans.Clustering.Redis on
/// a real redis-server) and serve one table from a shared dynalite store. The second silo joins after
/// the table exists, so partitions move to it: <c>GET /admin/partitions</c> and <c>/metrics</c> on the
/// admin port show where each partition is and the moves done.
/// </summary>
public sealed class RedisClusteringTests(ITestOutputHelper output)
{
    private const string Table = "redis-members";
    private const int Partitions = 16;

    [Fact]
    public async Task Two_silos_join_through_redis_serve_a_table_and_report_its_partitions()
    {
        using var redis = await RedisServerProcess.StartAsync();
        await using var dynalite = new DynaliteProcess();
        await dynalite.StartAsync();
        var cluster = "r" + Guid.NewGuid().ToString("N")[..8];
        string[] arguments =
        [
            "--Store:Kind=DynamoDb",
            $"--Store:DynamoDb:ServiceUrl={dynalite.EndpointUrl}",
            "--Store:DynamoDb:Region=us-east-1",
            "--Store:DynamoDb:AccessKey=local",
            "--Store:DynamoDb:SecretKey=local",
            $"--Store:DynamoDb:TablePrefix={cluster}-",
            "--Clustering:Kind=Redis",
            $"--Clustering:Redis:ConnectionString=127.0.0.1:{redis.Port}",
            $"--Orleans:ClusterId={cluster}",
            $"--Partitions:InitialPartitionsPerTable={Partitions}",
            "--Rebalancing:JoinSettleTime=00:00:00.500",
            "--Rebalancing:CheckInterval=00:00:00.500",
        ];
        var silos = Enumerable.Range(0, 2).Select(_ => new SiloProcess(Path.Combine(Path.GetTempPath(), "datatier-unused-" + Guid.NewGuid().ToString("N")), arguments)).ToArray();
        try
        {
            await silos[0].StartAsync();
            var first = SiloFixture.CreateClient(silos[0].EndpointUrl);
            await first.CreateTableAsync(new CreateTableRequest
            {
                TableName = Table,
                AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            });
            // Enough keys that every partition holds some, so all are active.
            for (var i = 0; i < 200; i++) await Put(first, $"k{i}", $"v{i}");

            var clock = Stopwatch.StartNew();
            await silos[1].StartAsync();
            var second = SiloFixture.CreateClient(silos[1].EndpointUrl);
            for (var i = 0; i < 200; i++) Assert.Equal($"v{i}", await Get(second, $"k{i}"));

            // An SDK client finds the gateways in Redis.
            await SharedTableCalls.ReadThroughSdkAsync(o =>
            {
                o.ClusterId = cluster;
                o.Gateways = [];
                o.RedisClustering = new RedisMembershipOptions { ConnectionString = $"127.0.0.1:{redis.Port}" };
            }, Table, "k7", "v7");

            using var http = new HttpClient();
            using var view = await SettledAsync(http, silos[1].AdminUrl);
            output.WriteLine($"placement settled {clock.ElapsedMilliseconds} ms after the second silo started");
            var root = view.RootElement;
            var siloNames = root.GetProperty("silos").EnumerateArray().Select(s => s.GetProperty("silo").GetString()!).ToList();
            Assert.Equal(2, siloNames.Count);
            var partitions = root.GetProperty("partitions").EnumerateArray().Where(p => p.GetProperty("table").GetString() == Table).ToList();
            Assert.Equal(Enumerable.Range(0, Partitions), partitions.Select(p => p.GetProperty("partition").GetInt32()).Order());
            Assert.All(partitions, p => Assert.Contains(p.GetProperty("silo").GetString(), siloNames));
            Assert.Equal(2, partitions.Select(p => p.GetProperty("silo").GetString()).Distinct().Count());
            Assert.Equal(JsonValueKind.Array, root.GetProperty("cacheShards").ValueKind);

            var moves = root.GetProperty("moves");
            Assert.Empty(moves.GetProperty("inProgress").EnumerateArray());
            Assert.True(moves.GetProperty("completed").GetInt64() >= 1);
            var recent = moves.GetProperty("recent").EnumerateArray().First(m => m.GetProperty("kind").GetString() == "partition");
            Assert.Equal(siloNames.Single(s => s != recent.GetProperty("to").GetString()), recent.GetProperty("from").GetString());
            Assert.Equal("rebalance", recent.GetProperty("cause").GetString());
            Assert.True(recent.GetProperty("durationMs").GetDouble() >= 0);

            var metrics = await http.GetStringAsync(silos[0].AdminUrl + "/metrics");
            Assert.Contains("datatier_placement_grains", metrics);
            Assert.Contains("datatier_placement_moves_total", metrics);
            Assert.Contains("datatier_placement_move_duration", metrics);
            // The data port does not serve the admin view.
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(silos[1].EndpointUrl + "/admin/partitions")).StatusCode);
        }
        catch
        {
            foreach (var silo in silos) output.WriteLine(silo.Output);
            throw;
        }
        finally
        {
            foreach (var silo in silos) silo.Dispose();
        }
    }

    /// <summary>Polls the admin view until both silos answer, host partitions of the table, and no move is pending.</summary>
    private static async Task<JsonDocument> SettledAsync(HttpClient http, string adminUrl)
    {
        var deadline = Stopwatch.StartNew();
        var last = "";
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            last = await http.GetStringAsync(adminUrl + "/admin/partitions?recent=50");
            var view = JsonDocument.Parse(last);
            var root = view.RootElement;
            var silos = root.GetProperty("silos").EnumerateArray().ToList();
            var owners = root.GetProperty("partitions").EnumerateArray().Where(p => p.GetProperty("table").GetString() == Table).ToList();
            if (silos.Count == 2 && silos.All(s => s.GetProperty("reachable").GetBoolean())
                && owners.Count == Partitions && owners.Select(p => p.GetProperty("silo").GetString()).Distinct().Count() == 2
                && root.GetProperty("moves").GetProperty("inProgress").GetArrayLength() == 0)
                return view;
            view.Dispose();
            await Task.Delay(200);
        }
        throw new TimeoutException("placement did not settle: " + last);
    }

    private static Task Put(IAmazonDynamoDB client, string key, string value) => SharedTableCalls.Put(client, Table, key, value);

    private static Task<string?> Get(IAmazonDynamoDB client, string key) => SharedTableCalls.Get(client, Table, key);
}
