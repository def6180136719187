using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.Client;
using DataTier.Client.Hosting;
using DataTier.Model;
using Microsoft.Extensions.DependencyInjection;
using DataTier.Tests.Wire;
using Xunit;
using Xunit.Abstractions;

namespace DataTier.Tests.Processes;

/// <summary>
/// Stateless silos: three silo processes share one DynamoDB store (dynalite) and find each other
/// through the DynamoDB membership table. Writes through one silo are read through another; after a
/// SIGKILL of one silo, every acknowledged write is still readable through the survivors.
/// </summary>
[Collection(SharedStoreCollection.Name)]
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
            await ReadThroughSdkAsync(cluster.Dynalite.EndpointUrl, cluster.TablePrefix, cluster.ClusterId, "k7", "v0");

            // Load through silos 0 and 1 while silo 2 is killed.
            var acknowledged = new ConcurrentDictionary<string, int>();
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
                    }
                    catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or TaskCanceledException or OperationCanceledException)
                    {
                        // not acknowledged: either value may be there
                        Uncertain[key] = 0;
                    }
                }
            })).ToArray();
            await WaitForAsync(() => acknowledged.Count >= 10);
            silos[2].Kill();
            output.WriteLine($"killed silo 2 after {acknowledged.Count} keys were written");
            await Task.Delay(TimeSpan.FromSeconds(1));
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

    private static async Task ReadThroughSdkAsync(string serviceUrl, string prefix, string cluster, string key, string expected)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.AddDataTierClient(o =>
        {
            o.ClusterId = cluster;
            o.Gateways = [];
            o.DynamoDbClustering = new DataTier.Membership.DynamoDbClusteringOptions
            {
                ServiceUrl = serviceUrl,
                Region = "us-east-1",
                AccessKey = "local",
                SecretKey = "local",
                TablePrefix = prefix,
            };
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var tables = host.Services.GetRequiredService<ITableClient>();
            var read = await tables.GetItemAsync(new DataTier.Client.Requests.GetItemRequest
            {
                TableName = Table,
                Key = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS(key) },
            });
            Assert.Equal(expected, read.Item!["v"].Text);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private ConcurrentDictionary<string, string> Last { get; } = new();

    private ConcurrentDictionary<string, int> Uncertain { get; } = new();

    private static Task Put(IAmazonDynamoDB client, string key, string value) => client.PutItemAsync(new PutItemRequest
    {
        TableName = Table,
        Item = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = key }, ["v"] = new() { S = value } },
    });

    private static async Task<string?> Get(IAmazonDynamoDB client, string key)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = key } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item["v"].S : null;
    }

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

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("no writes were acknowledged");
            await Task.Delay(50);
        }
    }
}
