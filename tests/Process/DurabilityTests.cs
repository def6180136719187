using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.Tests.Wire;
using Xunit;
using Xunit.Abstractions;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Processes;

/// <summary>
/// Crash consistency of a real silo process: acknowledged writes survive SIGKILL, nothing half-written or
/// invented appears, and a graceful stop and restart keeps everything.
/// </summary>
public class DurabilityTests(ITestOutputHelper output)
{
    private const int Writers = 8;
    private const int KeysPerWriter = 40;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromMilliseconds(1500);

    private sealed record Attempt(int Writer, long Seq, string Key, string Payload);

    private sealed class WriterLog
    {
        /// <summary>Every write issued, by sequence number (recorded before the request is sent).</summary>
        public readonly ConcurrentDictionary<long, Attempt> Attempts = new();
        /// <summary>Sequence numbers whose PutItem returned 200.</summary>
        public readonly ConcurrentDictionary<long, bool> Acknowledged = new();
        public readonly ConcurrentQueue<string> ErrorsBeforeKill = new();
        public Exception? ErrorAtKill;
    }

    [Fact]
    public async Task Acknowledged_writes_survive_SIGKILL_and_a_graceful_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "datatier-durability-" + Guid.NewGuid().ToString("N"));
        using var silo = new SiloProcess(directory);
        try
        {
            var clock = Stopwatch.StartNew();
            await silo.StartAsync();
            output.WriteLine($"started in {clock.ElapsedMilliseconds} ms at {silo.EndpointUrl}, data in {directory}");
            const string table = "durability";
            using (var setup = LoadClient(silo))
                await CreateTable(setup, table, ("pk", ScalarAttributeType.S), billing: BillingMode.PAY_PER_REQUEST);

            // ---- write load from 8 tasks, then SIGKILL while writes are in flight
            var logs = Enumerable.Range(0, Writers).Select(_ => new WriterLog()).ToArray();
            var killed = 0;
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                using var client = LoadClient(silo);
                var random = new Random(w * 7919 + Environment.TickCount);
                var log = logs[w];
                for (long seq = 1; !stop.IsCancellationRequested; seq++)
                {
                    var bytes = new byte[random.Next(16, 3000)];
                    random.NextBytes(bytes);
                    var attempt = new Attempt(w, seq, $"w{w}-k{random.Next(KeysPerWriter):D2}", Convert.ToBase64String(bytes));
                    log.Attempts[seq] = attempt;
                    try
                    {
                        await client.PutItemAsync(new PutItemRequest { TableName = table, Item = ItemOf(attempt) });
                        // A 200 response is an acknowledgement, even one that arrives while the kill is under way.
                        log.Acknowledged[seq] = true;
                    }
                    catch (Exception e)
                    {
                        if (Volatile.Read(ref killed) != 0)
                        {
                            log.ErrorAtKill = e;
                            return;
                        }
                        log.ErrorsBeforeKill.Enqueue($"{attempt.Key} seq {seq}: {e.GetType().Name}: {e.Message}");
                    }
                }
            })).ToArray();

            await Task.Delay(LoadBeforeKill);
            var inFlightBeforeKill = logs.Sum(l => l.Attempts.Count - l.Acknowledged.Count);
            Volatile.Write(ref killed, 1);
            silo.Kill();
            stop.Cancel();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));

            var attempts = logs.Sum(l => l.Attempts.Count);
            var acked = logs.Sum(l => l.Acknowledged.Count);
            output.WriteLine($"{attempts} writes issued, {acked} acknowledged, ~{inFlightBeforeKill} in flight at kill; " +
                             $"writers ended by: {string.Join(" | ", logs.Select(l => l.ErrorAtKill?.GetType().Name ?? "-"))}");
            Assert.True(logs.All(l => l.ErrorsBeforeKill.IsEmpty),
                "writes failed before the kill: " + string.Join("; ", logs.SelectMany(l => l.ErrorsBeforeKill).Take(10)));
            Assert.True(acked >= 8 * 20, $"the load was too light to mean anything: only {acked} acknowledged writes");
            Assert.True(attempts > acked, "no write was in flight when the silo was killed");

            // ---- restart on the same directory and check
            clock.Restart();
            await silo.StartAsync();
            output.WriteLine($"restarted after SIGKILL in {clock.ElapsedMilliseconds} ms");
            Dictionary<string, Dictionary<string, AttributeValue>> afterCrash;
            using (var client = LoadClient(silo))
                afterCrash = await CheckRecovered(client, table, logs);
            output.WriteLine($"{afterCrash.Count} items present after the crash");

            // Writes after recovery are acknowledged and kept too.
            var extra = new Dictionary<string, Dictionary<string, AttributeValue>>();
            using (var client = LoadClient(silo))
            {
                for (var i = 0; i < 50; i++)
                {
                    var attempt = new Attempt(99, i, $"after-crash-{i:D2}", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
                    var item = ItemOf(attempt);
                    await client.PutItemAsync(new PutItemRequest { TableName = table, Item = item });
                    extra[attempt.Key] = item;
                }
            }

            // ---- graceful stop (SIGINT), restart, everything still there
            var exitCode = await silo.StopAsync();
            Assert.True(exitCode == 0, $"graceful stop exited with code {exitCode}\n{silo.Output}");
            clock.Restart();
            await silo.StartAsync();
            output.WriteLine($"restarted after SIGINT in {clock.ElapsedMilliseconds} ms");
            using (var client = LoadClient(silo))
            {
                var all = await ScanAll(client, table);
                var expected = afterCrash.Concat(extra).ToDictionary(p => p.Key, p => p.Value);
                Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), all.Keys.Order(StringComparer.Ordinal));
                foreach (var (key, item) in expected) AssertItem(item, all[key]);
                // And point reads agree with the scan.
                foreach (var key in expected.Keys.Take(100))
                {
                    var got = await client.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S(key))), ConsistentRead = true });
                    AssertItem(expected[key], got.Item);
                }
                var description = await client.DescribeTableAsync(new DescribeTableRequest { TableName = table });
                Assert.Equal(TableStatus.ACTIVE, description.Table.TableStatus);
            }
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

    /// <summary>
    /// Every acknowledged write is there (or a later in-flight write to the same key), every item is whole
    /// and was really written, and nothing else exists. Returns the table's content by key.
    /// </summary>
    private static async Task<Dictionary<string, Dictionary<string, AttributeValue>>> CheckRecovered(
        IAmazonDynamoDB client, string table, WriterLog[] logs)
    {
        var attemptsByKey = logs.SelectMany(l => l.Attempts.Values).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.ToList());
        var all = await ScanAll(client, table);
        var problems = new List<string>();

        foreach (var (key, item) in all)
        {
            if (!attemptsByKey.ContainsKey(key)) problems.Add($"{key}: present but never written");
            else CheckWhole(key, item, problems);
        }

        foreach (var (key, attempts) in attemptsByKey)
        {
            var writer = attempts[0].Writer;
            var log = logs[writer];
            var lastAcked = attempts.Where(a => log.Acknowledged.ContainsKey(a.Seq)).MaxBy(a => a.Seq);
            // Allowed contents: the last acknowledged write, or any later write that was never acknowledged.
            var allowed = attempts.Where(a => a == lastAcked || (!log.Acknowledged.ContainsKey(a.Seq) && (lastAcked is null || a.Seq > lastAcked.Seq)))
                .ToDictionary(a => a.Seq);
            var got = await client.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S(key))), ConsistentRead = true });
            var stored = HasItem(got.Item) ? got.Item : null;
            if (stored is null)
            {
                if (lastAcked is not null) problems.Add($"{key}: acknowledged write seq {lastAcked.Seq} is lost (item missing)");
                if (all.ContainsKey(key)) problems.Add($"{key}: Scan has it but GetItem does not");
                continue;
            }
            if (!all.TryGetValue(key, out var scanned)) problems.Add($"{key}: GetItem has it but Scan does not");
            else if (Render(scanned) != Render(stored)) problems.Add($"{key}: Scan and GetItem disagree");
            if (!CheckWhole(key, stored, problems)) continue;
            var seq = long.Parse(stored["seq"].N);
            if (!allowed.TryGetValue(seq, out var match))
            {
                problems.Add(lastAcked is not null && seq < lastAcked.Seq
                    ? $"{key}: holds seq {seq}, older than acknowledged seq {lastAcked.Seq} (acknowledged write lost)"
                    : $"{key}: holds seq {seq}, which is neither the last acknowledged ({lastAcked?.Seq.ToString() ?? "none"}) nor a later unacknowledged write");
                continue;
            }
            if (stored["a"].S != match.Payload) problems.Add($"{key}: seq {seq} has a payload that was never written with it");
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems after recovery:\n" + string.Join("\n", problems.Take(50)));
        return all;
    }

    private static bool CheckWhole(string key, Dictionary<string, AttributeValue> item, List<string> problems)
    {
        var names = string.Join(",", item.Keys.Order(StringComparer.Ordinal));
        if (names != "a,b,pk,seq,writer")
        {
            problems.Add($"{key}: has attributes [{names}]");
            return false;
        }
        if (item["a"].S is null || item["a"].S != item["b"].S)
        {
            problems.Add($"{key}: torn item, a != b");
            return false;
        }
        return true;
    }

    private static Dictionary<string, AttributeValue> ItemOf(Attempt a) => Item(
        ("pk", S(a.Key)),
        ("a", S(a.Payload)),
        ("b", S(a.Payload)),
        ("seq", N(a.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ("writer", N(a.Writer.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static async Task<Dictionary<string, Dictionary<string, AttributeValue>>> ScanAll(IAmazonDynamoDB client, string table)
    {
        var result = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        var pages = 0;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, Limit = 200, ConsistentRead = true });
            foreach (var item in page.Items ?? [])
                Assert.True(result.TryAdd(item["pk"].S, item), $"Scan returned {item["pk"].S} twice");
            start = HasItem(page.LastEvaluatedKey) ? page.LastEvaluatedKey : null;
        } while (start is not null && ++pages < 10_000);
        return result;
    }

    private static AmazonDynamoDBClient LoadClient(SiloProcess silo) => SiloFixture.CreateClient(silo.EndpointUrl, c =>
    {
        c.MaxErrorRetry = 0;
        c.Timeout = TimeSpan.FromSeconds(20);
    });
}
