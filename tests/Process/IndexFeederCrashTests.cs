using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.Tests.Wire;
using Xunit;
using Xunit.Abstractions;

namespace DataTier.Tests.Processes;

/// <summary>
/// A global secondary index across the loss of its feeder: three silo processes on a shared DynamoDB
/// store (dynalite); the silo that hosts a feeder of the index (seen in its <c>/metrics</c>) is
/// SIGKILLed while the other two take puts, updates and deletes. Once the survivors have taken its
/// grains over, the index equals a brute-force scan of the base table: no entry lost, none doubled.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class IndexFeederCrashTests(ITestOutputHelper output)
{
    private const string Table = "gsicrash";
    private const string Index = "byG";

    [Fact]
    public async Task The_index_equals_a_scan_of_the_table_after_a_feeders_silo_is_killed_under_writes()
    {
        await using var cluster = await SharedStoreCluster.StartAsync(3);
        var silos = cluster.Silos;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
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
                AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("g", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
                GlobalSecondaryIndexes =
                [
                    new GlobalSecondaryIndex
                    {
                        IndexName = Index,
                        KeySchema = [new KeySchemaElement("g", KeyType.HASH), new KeySchemaElement("pk", KeyType.RANGE)],
                        Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    },
                ],
            });
            for (var i = 0; i < 40; i++) await clients[i % 3].PutItemAsync(new PutItemRequest { TableName = Table, Item = Item($"k{i}", $"g{i % 4}", 0) });

            // The victim hosts a feeder of the index: its metrics report the index's lag.
            var victim = -1;
            var clock = Stopwatch.StartNew();
            while (victim < 0)
            {
                for (var s = 0; s < silos.Count && victim < 0; s++)
                    if ((await http.GetStringAsync(silos[s].AdminUrl + "/metrics")).Contains($"datatier_index_lag_records{{", StringComparison.Ordinal)
                        && (await http.GetStringAsync(silos[s].AdminUrl + "/metrics")).Contains($"table=\"{Table}\"", StringComparison.Ordinal))
                        victim = s;
                if (victim < 0)
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "no silo reports a feeder of the index");
                    await Task.Delay(200);
                }
            }
            var survivors = Enumerable.Range(0, 3).Where(s => s != victim).Select(s => clients[s]).ToArray();
            output.WriteLine($"silo {victim} hosts a feeder of {Index}");

            var acknowledged = 0;
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                var random = new Random(w);
                for (var n = 1; !stop.IsCancellationRequested; n++)
                {
                    var client = survivors[w % survivors.Length];
                    var pk = $"w{w}-{random.Next(12)}";
                    try
                    {
                        switch (random.Next(5))
                        {
                            case 0:
                                await client.DeleteItemAsync(new DeleteItemRequest { TableName = Table, Key = new() { ["pk"] = new() { S = pk } } });
                                break;
                            case 1:
                                await client.UpdateItemAsync(new UpdateItemRequest
                                {
                                    TableName = Table, Key = new() { ["pk"] = new() { S = pk } },
                                    UpdateExpression = random.Next(2) == 0 ? "SET g = :g, n = :n" : "REMOVE g SET n = :n",
                                    ExpressionAttributeValues = random.Next(2) == 0 ? new() { [":g"] = new() { S = $"g{random.Next(4)}" }, [":n"] = new() { N = $"{n}" } } : new() { [":n"] = new() { N = $"{n}" } },
                                });
                                break;
                            default:
                                await client.PutItemAsync(new PutItemRequest { TableName = Table, Item = Item(pk, $"g{random.Next(4)}", n) });
                                break;
                        }
                        Interlocked.Increment(ref acknowledged);
                    }
                    catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or TaskCanceledException or OperationCanceledException
                        or Amazon.Runtime.AmazonClientException)
                    {
                        // not acknowledged: the comparison below is between the table and the index, whatever was applied
                    }
                }
            })).ToArray();
            while (Volatile.Read(ref acknowledged) < 40) await Task.Delay(20);
            silos[victim].Kill();
            output.WriteLine($"killed silo {victim} after {acknowledged} writes");
            await Task.Delay(TimeSpan.FromSeconds(2));
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            output.WriteLine($"{acknowledged} writes acknowledged in all");

            // Eventually consistent: the index converges on the table once the feeders have resumed.
            string table = "", index = "";
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(90))
            {
                try
                {
                    table = Render(await ScanAsync(survivors[0], null));
                    index = Render(await ScanAsync(survivors[1], Index));
                    if (table == index) break;
                }
                catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or TaskCanceledException or Amazon.Runtime.AmazonClientException)
                {
                    // a partition of the killed silo, until the cluster declares it dead
                }
                await Task.Delay(250);
            }
            output.WriteLine($"converged after {deadline.ElapsedMilliseconds} ms");
            Assert.Equal(table, index);
            Assert.Contains("g", table);
        }
        catch
        {
            output.WriteLine(cluster.Output);
            throw;
        }
    }

    private static Dictionary<string, AttributeValue> Item(string pk, string g, int n) =>
        new() { ["pk"] = new() { S = pk }, ["g"] = new() { S = g }, ["n"] = new() { N = $"{n}" } };

    /// <summary>Every item of the table (with a g) or of the index.</summary>
    private static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB client, string? index)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = Table, IndexName = index, ExclusiveStartKey = start, ConsistentRead = index is null });
            items.AddRange(page.Items.Where(i => i.ContainsKey("g")));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        } while (start is not null);
        return items;
    }

    /// <summary>One line per item (pk, g, n), in pk order: equal texts mean no entry lost, doubled or stale.</summary>
    private static string Render(List<Dictionary<string, AttributeValue>> items) => string.Join("\n", items
        .Select(i => $"{i["pk"].S} {i["g"].S} {i["n"].N}")
        .Order(StringComparer.Ordinal));
}
