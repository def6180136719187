using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.Silo.Hosting;
using DataTier.Tests.Wire;
using Xunit;
using Xunit.Abstractions;

namespace DataTier.Tests.Processes;

/// <summary>
/// SIGTERM to one of three silo processes on a shared store, under a steady write load through every
/// silo's DynamoDB endpoint: the silo turns unready and stops taking requests, hands its partitions to
/// the others and exits within Rebalancing:HandOffTimeout plus the shutdown margin; no request to the
/// other silos fails (with the retries an AWS SDK makes on a 5xx answer), and every acknowledged write is
/// there afterwards.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    private const string Table = "handoff";
    private static readonly TimeSpan HandOffTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Beyond the host's shutdown timeout: the runtime's own exit after Main returns.</summary>
    private static readonly TimeSpan ExitMargin = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, string> _last = new();
    private readonly ConcurrentDictionary<string, int> _uncertain = new();
    private readonly ConcurrentQueue<string> _survivorFailures = new();
    private long _leavingFailures;
    private long _acknowledged;
    private long _retried;

    [Fact]
    public async Task A_silo_sent_SIGTERM_stops_taking_requests_hands_its_partitions_over_and_exits_in_time_losing_no_write()
    {
        await using var cluster = await SharedStoreCluster.StartAsync(3,
        [
            "--Rebalancing:HandOffTimeout=" + HandOffTimeout.ToString("c", CultureInfo.InvariantCulture),
            "--Partitions:InitialPartitionsPerTable=12",
            "--Logging:LogLevel:DataTier.Placement=Information",
        ]);
        var leaving = cluster.Silos[2];
        var clients = cluster.Silos.Select(s => SiloFixture.CreateClient(s.EndpointUrl, c =>
        {
            c.MaxErrorRetry = 0;
            c.Timeout = TimeSpan.FromSeconds(30);
        })).ToArray();
        try
        {
            await clients[0].CreateTableAsync(new CreateTableRequest
            {
                TableName = Table,
                AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            });
            // Activates the partitions on their owners, the leaving silo among them.
            for (var i = 0; i < 60; i++) await PutAsync(clients[i % 3], $"k{i}", "v0");

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 6).Select(w => Task.Run(() => WriteAsync(w, clients[w % 3], clients[w % 3] == clients[2], stop.Token))).ToArray();
            await WaitForAsync(() => Interlocked.Read(ref _acknowledged) >= 300, "no load");

            var clock = Stopwatch.StartNew();
            var unready = WatchReadinessAsync(leaving.AdminUrl, clock);
            var exitCode = await leaving.StopAsync(HandOffTimeout + SiloHostingExtensions.ShutdownMargin + TimeSpan.FromSeconds(30));
            var shutdown = clock.Elapsed;
            var unreadyAt = await unready;
            var acknowledgedAtExit = Interlocked.Read(ref _acknowledged);
            output.WriteLine($"SIGTERM to exit: {shutdown.TotalMilliseconds:0} ms (bound {(HandOffTimeout + SiloHostingExtensions.ShutdownMargin).TotalSeconds:0} s + {ExitMargin.TotalSeconds:0} s); unready after {unreadyAt.TotalMilliseconds:0} ms; exit code {exitCode}");

            // The survivors serve every partition now, the leaving silo's included.
            await WaitForAsync(() => Interlocked.Read(ref _acknowledged) >= acknowledgedAtExit + 200, "no writes after the silo left");
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            output.WriteLine($"{_acknowledged} writes acknowledged, {_leavingFailures} refused by the leaving silo, {_survivorFailures.Count} failed on the others, {_retried} retried after a 5xx");
            foreach (var line in leaving.Output.Split('\n').Where(l => l.Contains("hand", StringComparison.OrdinalIgnoreCase))) output.WriteLine(line.TrimEnd());

            Assert.Equal(0, exitCode);
            Assert.True(shutdown < HandOffTimeout + SiloHostingExtensions.ShutdownMargin + ExitMargin, $"shutdown took {shutdown}");
            Assert.True(unreadyAt <= shutdown, "the leaving silo never turned unready");
            Assert.True(_survivorFailures.IsEmpty, "requests to the remaining silos failed:\n" + string.Join('\n', _survivorFailures.Take(20)));

            var checkedKeys = 0;
            foreach (var (key, value) in _last)
            {
                if (_uncertain.ContainsKey(key)) continue;
                Assert.Equal(value, await GetAsync(clients[checkedKeys % 2], key));
                checkedKeys++;
            }
            for (var i = 0; i < 60; i++) Assert.Equal("v0", await GetAsync(clients[i % 2], $"k{i}"));
            output.WriteLine($"{checkedKeys} keys read back with their last acknowledged value ({_uncertain.Count} keys had an unacknowledged write)");
            Assert.True(checkedKeys >= 4);
        }
        catch
        {
            output.WriteLine(cluster.Output);
            throw;
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>Each writer owns its keys, so the last acknowledged value of each is known.</summary>
    private async Task WriteAsync(int writer, IAmazonDynamoDB client, bool toLeavingSilo, CancellationToken stop)
    {
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var key = $"w{writer}-{n % 16}";
            var value = $"w{writer}-{n}";
            try
            {
                await PutWithSdkRetriesAsync(client, key, value);
                _last[key] = value;
                Interlocked.Increment(ref _acknowledged);
            }
            catch (Exception e) when (e is AmazonDynamoDBException or Amazon.Runtime.AmazonServiceException or HttpRequestException or TaskCanceledException)
            {
                _uncertain[key] = 0;
                if (!toLeavingSilo)
                {
                    _survivorFailures.Enqueue($"{key}: {e.GetType().Name}: {e.Message}");
                    continue;
                }
                Interlocked.Increment(ref _leavingFailures);
                await Task.Delay(20, CancellationToken.None); // its port is closed: do not spin
            }
        }
    }

    /// <summary>
    /// A put retried on a 5xx answer as the AWS SDK's standard retry mode does (3 attempts), counting the
    /// retries. A request refused at the connection (the leaving silo's closed port) is not retried.
    /// </summary>
    private async Task PutWithSdkRetriesAsync(IAmazonDynamoDB client, string key, string value)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PutAsync(client, key, value);
                return;
            }
            catch (AmazonDynamoDBException e) when ((int)e.StatusCode >= 500 && attempt < 3)
            {
                Interlocked.Increment(ref _retried);
            }
        }
    }

    /// <summary>How long after <paramref name="clock"/> started /readyz stopped answering 200 (an error status or a refused connection).</summary>
    private static async Task<TimeSpan> WatchReadinessAsync(string adminUrl, Stopwatch clock)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(adminUrl + "/readyz");
                if (response.StatusCode != System.Net.HttpStatusCode.OK) return clock.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return clock.Elapsed;
            }
            await Task.Delay(10);
        }
    }

    private static Task PutAsync(IAmazonDynamoDB client, string key, string value) => client.PutItemAsync(new PutItemRequest
    {
        TableName = Table,
        Item = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = key }, ["v"] = new() { S = value } },
    });

    private static async Task<string?> GetAsync(IAmazonDynamoDB client, string key)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = key } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item["v"].S : null;
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException(what);
            await Task.Delay(20);
        }
    }
}
