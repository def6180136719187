using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.Tests.Wire;
using Xunit;
using Xunit.Abstractions;

namespace DataTier.Tests.Processes;

/// <summary>
/// Stateless silos: three silo processes share one DynamoDB store (dynalite) and find each other
/// through the DynamoDB membership table. Writes through one silo are read through another; after a
/// SIGKILL of one silo, every acknowledged write is still readable through the survivors.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class SharedStoreTests(ITestOutputHelper output)
{
    private const string Table = "shared";

    [Fact]
    public async Task Silos_on_a_shared_store_keep_every_acknowledged_write_when_one_is_killed()
    {
        var clock = Stopwatch.StartNew();
        await using var cluster = await SharedStoreCluster.StartAsync(3);
        var silos = cluster.Silos;
        output.WriteLine($"3 silos started in {clock.ElapsedMilliseconds} ms");
        try
        {
            var clients = silos.Select(s => SiloFixture.CreateClient(s.EndpointUrl, c =>
            {
                c.MaxErrorRetry = 0;
                c.Timeout = TimeSpan.FromSeconds(20);
            })).ToArray();
            await clients[0].CreateTableAsync(new CreateTableRequest
            {
                TableName = Table,
                AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            });

            // Written through one silo, read through another.
            for (var i = 0; i < 30; i++) await Put(clients[i % 3], $"k{i}", "v0");
            for (var i = 0; i < 30; i++) Assert.Equal("v0", await Get(clients[(i + 1) % 3], $"k{i}"));

            // A service finds the gateways through the membership table (no fixed list) and reads with the SDK.
            await SharedTableCalls.ReadThroughSdkAsync(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.Gateways = [];
                o.DynamoDbClustering = new DataTier.Membership.DynamoDbClusteringOptions
                {
                    ServiceUrl = cluster.Dynalite.EndpointUrl,
                    Region = "us-east-1",
                    AccessKey = "local",
                    SecretKey = "local",
                    TablePrefix = cluster.TablePrefix,
                };
            }, Table, "k7", "v0");

            // Load through silos 0 and 1 while silo 2 is killed.
            var acknowledged = new ConcurrentDictionary<string, int>();
            var loadClock = Stopwatch.StartNew();
            var ackedAt = new ConcurrentDictionary<string, long>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var n = 1; !stop.IsCancellationRequested; n++)
                {
                    var key = $"w{w}-{n % 8}"; // each key has one writer, so its last acknowledged value is known
                    try
                    {
                        await Put(clients[w % 2], key, $"w{w}-{n}");
                        acknowledged[key] = 0;
                        Last[key] = $"w{w}-{n}";
                        ackedAt[key] = loadClock.ElapsedTicks;
                    }
                    catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or TaskCanceledException or OperationCanceledException)
                    {
                        // not acknowledged: either value may be there
                        Uncertain[key] = 0;
                    }
                }
            })).ToArray();
            await WaitForAsync(() => acknowledged.Count >= 32);
            var killedAt = loadClock.ElapsedTicks;
            silos[2].Kill();
            output.WriteLine($"killed silo 2 after {acknowledged.Count} keys were written");
            // Served again: every key, wherever its partition was, has taken a write after the kill.
            await WaitForAsync(() => acknowledged.Keys.All(k => ackedAt[k] > killedAt), TimeSpan.FromSeconds(90));
            var recovery = TimeSpan.FromTicks((loadClock.ElapsedTicks - killedAt) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
            output.WriteLine($"time until the load is served again: {recovery.TotalMilliseconds:0} ms after the SIGKILL");
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            // Every key whose last write was acknowledged (and not followed by an unacknowledged one) has that value.
            var checkedKeys = 0;
            foreach (var (key, value) in Last)
            {
                if (Uncertain.ContainsKey(key)) continue;
                Assert.Equal(value, await ReadWithRetryAsync(clients[0], key));
                checkedKeys++;
            }
            output.WriteLine($"{checkedKeys} keys checked, {Uncertain.Count} with an unacknowledged write, in {clock.ElapsedMilliseconds} ms");
            Assert.True(checkedKeys > 0);
            for (var i = 0; i < 30; i++) Assert.NotNull(await ReadWithRetryAsync(clients[1], $"k{i}"));
        }
        catch
        {
            output.WriteLine(cluster.Output);
            throw;
        }
    }

    private ConcurrentDictionary<string, string> Last { get; } = new();

    private ConcurrentDictionary<string, int> Uncertain { get; } = new();

    private static Task Put(IAmazonDynamoDB client, string key, string value) => SharedTableCalls.Put(client, Table, key, value);

    private static Task<string?> Get(IAmazonDynamoDB client, string key) => SharedTableCalls.Get(client, Table, key);

    /// <summary>Reads through a survivor; requests to partitions of the killed silo fail until the cluster declares it dead.</summary>
    private static async Task<string?> ReadWithRetryAsync(IAmazonDynamoDB client, string key)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await Get(client, key);
            }
            catch (Exception) when (deadline.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > (limit ?? TimeSpan.FromSeconds(60))) throw new TimeoutException("the writes did not get through in time");
            await Task.Delay(50);
        }
    }
}
