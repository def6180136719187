using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.Tests.Wire;
using Xunit;
using Xunit.Abstractions;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Processes;

/// <summary>
/// A silo process killed with SIGKILL while transfers run as transactions through the AWS SDK:
/// after the restart no transaction is half applied, and every acknowledged one is there.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public class TransactionCrashTests(ITestOutputHelper output)
{
    private const int Accounts = 16;
    private const int Workers = 6;
    private const long Opening = 100;
    private const string Table = "bank";

    [Fact]
    public async Task Transfers_killed_mid_flight_leave_the_sum_intact_and_every_acknowledged_transfer_applied()
    {
        var directory = Path.Combine(Path.GetTempPath(), "datatier-txcrash-" + Guid.NewGuid().ToString("N"));
        using var silo = new SiloProcess(directory, ["--Transactions:LockTimeout=00:00:02"]);
        try
        {
            await silo.StartAsync();
            using (var setup = Client(silo))
            {
                await CreateTable(setup, Table, ("pk", ScalarAttributeType.S), billing: BillingMode.PAY_PER_REQUEST);
                for (var i = 0; i < Accounts; i++)
                    await setup.PutItemAsync(new PutItemRequest { TableName = Table, Item = Item(("pk", S($"acct-{i}")), ("balance", N("100"))) });
                for (var w = 0; w < Workers; w++)
                    await setup.PutItemAsync(new PutItemRequest { TableName = Table, Item = Item(("pk", S($"worker-{w}")), ("done", N("0"))) });
            }

            var acknowledged = new int[Workers];
            var killed = 0;
            var unexpected = new List<string>();
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
            {
                using var client = Client(silo);
                var random = new Random(w);
                while (!stop.IsCancellationRequested)
                {
                    var from = random.Next(Accounts);
                    var to = (from + 1 + random.Next(Accounts - 1)) % Accounts;
                    try
                    {
                        await client.TransactWriteItemsAsync(Transfer(w, from, to, random.Next(1, 20)));
                        Interlocked.Increment(ref acknowledged[w]);
                    }
                    catch (TransactionCanceledException)
                    {
                    }
                    catch (Exception e)
                    {
                        if (Volatile.Read(ref killed) != 0) return;
                        lock (unexpected) unexpected.Add($"{e.GetType().Name}: {e.Message}");
                    }
                }
            })).ToArray();

            // Killed once enough transfers were acknowledged (on a busy machine that takes longer than usual), with more in flight.
            var enough = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (Enumerable.Range(0, Workers).Sum(w => Volatile.Read(ref acknowledged[w])) < 40 && DateTime.UtcNow < enough) await Task.Delay(20);
            Volatile.Write(ref killed, 1);
            silo.Kill();
            stop.Cancel();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));
            output.WriteLine($"acknowledged transfers per worker at the kill: {string.Join(", ", acknowledged)}");
            Assert.Empty(unexpected);
            Assert.True(acknowledged.Sum() >= 20, $"only {acknowledged.Sum()} transfers were acknowledged before the kill");

            await silo.StartAsync();
            using var after = Client(silo);
            var items = await ScanAll(after);
            Assert.Equal(Accounts * Opening, Enumerable.Range(0, Accounts).Sum(i => long.Parse(items[$"acct-{i}"]["balance"].N)));
            for (var w = 0; w < Workers; w++)
            {
                var done = long.Parse(items[$"worker-{w}"]["done"].N);
                // The transfer in flight at the kill may have committed without its answer arriving.
                Assert.InRange(done, acknowledged[w], acknowledged[w] + 1);
            }

            // Locks left by transactions the kill cut short give way after the lock timeout; transfers go on.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            for (var (committed, attempt) = (0, 0); committed < 20; attempt++)
            {
                try
                {
                    // A different pair each attempt: an account the random transfers emptied fails its condition every time.
                    await after.TransactWriteItemsAsync(Transfer(0, attempt % Accounts, (attempt + 3) % Accounts, 1));
                    committed++;
                }
                catch (TransactionCanceledException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200);
                }
            }
            var snapshot = await after.TransactGetItemsAsync(new TransactGetItemsRequest
            {
                TransactItems = Enumerable.Range(0, Accounts)
                    .Select(i => new TransactGetItem { Get = new Get { TableName = Table, Key = Item(("pk", S($"acct-{i}"))) } })
                    .ToList(),
            });
            Assert.Equal(Accounts * Opening, snapshot.Responses.Sum(r => long.Parse(r.Item["balance"].N)));
            await silo.StopAsync();
        }
        catch
        {
            output.WriteLine("---- silo output ----");
            output.WriteLine(silo.Output);
            throw;
        }
        finally
        {
            silo.Dispose();
            SiloFixture.DeleteDirectory(directory);
        }
    }

    private static TransactWriteItemsRequest Transfer(int worker, int from, int to, int amount) => new()
    {
        TransactItems =
        [
            new TransactWriteItem
            {
                Update = new Update
                {
                    TableName = Table,
                    Key = Item(("pk", S($"acct-{from}"))),
                    UpdateExpression = "SET balance = balance - :a",
                    ConditionExpression = "balance >= :a",
                    ExpressionAttributeValues = Item((":a", N(amount.ToString()))),
                },
            },
            new TransactWriteItem
            {
                Update = new Update
                {
                    TableName = Table,
                    Key = Item(("pk", S($"acct-{to}"))),
                    UpdateExpression = "SET balance = balance + :a",
                    ExpressionAttributeValues = Item((":a", N(amount.ToString()))),
                },
            },
            new TransactWriteItem
            {
                Update = new Update
                {
                    TableName = Table,
                    Key = Item(("pk", S($"worker-{worker}"))),
                    UpdateExpression = "ADD done :one",
                    ExpressionAttributeValues = Item((":one", N("1"))),
                },
            },
        ],
    };

    private static async Task<Dictionary<string, Dictionary<string, AttributeValue>>> ScanAll(IAmazonDynamoDB client)
    {
        var result = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = Table, ExclusiveStartKey = start, ConsistentRead = true });
            foreach (var item in page.Items ?? []) result[item["pk"].S] = item;
            start = HasItem(page.LastEvaluatedKey) ? page.LastEvaluatedKey : null;
        } while (start is not null);
        return result;
    }

    private static AmazonDynamoDBClient Client(SiloProcess silo) => SiloFixture.CreateClient(silo.EndpointUrl, c =>
    {
        c.MaxErrorRetry = 0;
        c.Timeout = TimeSpan.FromSeconds(20);
    });
}
