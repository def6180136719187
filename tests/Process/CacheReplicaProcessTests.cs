using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using DataTier.Tests.Cache;
using DataTier.Tests.Peers;
using Xunit;
using Xunit.Abstractions;

namespace DataTier.Tests.Processes;

/// <summary>
/// Cache replicas across a real crash: three silo processes (RocksDB each, membership in a shared
/// DynamoDB table on dynalite) with <c>Cache:Replicas=1</c>. One is SIGKILLed while clients write;
/// once the others declare it dead, its shards start on their new owners with their replicas' keys.
/// Every key replicated before the crash is back; writes acknowledged in the last moments before it
/// may be lost (the loss window), and the test reports how many.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed partial class CacheReplicaProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_killed_silos_shards_are_promoted_from_their_replicas()
    {
        await using var dynalite = new DynaliteProcess();
        await dynalite.StartAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        string[] arguments =
        [
            "--Cache:Replicas=1",
            "--Logging:LogLevel:DataTier.Cache=Information",
            "--Clustering:Kind=DynamoDb",
            $"--Clustering:DynamoDb:ServiceUrl={dynalite.EndpointUrl}",
            "--Clustering:DynamoDb:Region=us-east-1",
            "--Clustering:DynamoDb:AccessKey=local",
            "--Clustering:DynamoDb:SecretKey=local",
            $"--Clustering:DynamoDb:TablePrefix=repl{run}-",
            .. SharedStoreCluster.FastFailureDetection,
            "--Rebalancing:JoinSettleTime=00:00:00.500",
            "--Rebalancing:CheckInterval=00:00:00.500",
            $"--Orleans:ClusterId=c{run}",
        ];
        var silos = Enumerable.Range(0, 3)
            .Select(_ => new SiloProcess(Path.Combine(Path.GetTempPath(), "datatier-replicas-" + Guid.NewGuid().ToString("N")), arguments))
            .ToArray();
        try
        {
            foreach (var silo in silos) await silo.StartAsync();
            await using var client = await RespTestClient.ConnectAsync(silos[0].RespPort);
            const int Keys = 1000;
            for (var i = 0; i < Keys; i++) Assert.Equal("+OK", await client.CallAsync("SET", $"k:{i}", $"v{i}"));
            await WaitForReplicasAsync(client);

            // Writers through silo 0 keep going while silo 2 is killed.
            var acknowledged = new ConcurrentDictionary<string, string>();
            var inFlight = new ConcurrentDictionary<string, string>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                await using var c = await RespTestClient.ConnectAsync(silos[w % 2].RespPort);
                try
                {
                    for (var n = 0; !stop.IsCancellationRequested; n++)
                    {
                        var key = $"w:{w}:{n % 100}";
                        inFlight[key] = $"\"{n}\"";
                        if (await c.CallAsync("SET", key, $"{n}") != "+OK") break;
                        acknowledged[key] = $"\"{n}\"";
                    }
                }
                catch (IOException)
                {
                    // waited too long on a shard of the killed silo: not acknowledged
                }
            })).ToArray();
            await WaitUntilAsync(() => acknowledged.Count >= 300);
            silos[2].Kill();
            var clock = Stopwatch.StartNew();
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            var lostBefore = new List<string>();
            for (var i = 0; i < Keys; i++)
                if (await GetWhenServedAsync(silos[0].RespPort, $"k:{i}") is var reply && reply != $"\"v{i}\"") lostBefore.Add($"k:{i} = {reply}");
            if (lostBefore.Count > 0) output.WriteLine($"lost {lostBefore.Count} of {Keys}: " + string.Join("; ", lostBefore.Take(10)) + "\n" + await client.CallAsync("INFO", "replication"));
            output.WriteLine($"every shard served again {clock.ElapsedMilliseconds} ms after the SIGKILL");
            Assert.Empty(lostBefore);

            var lost = 0;
            foreach (var (key, value) in acknowledged)
            {
                var current = await GetWhenServedAsync(silos[1].RespPort, key);
                if (current != value && !(inFlight.TryGetValue(key, out var pending) && current == pending)) lost++;
            }
            output.WriteLine($"loss window: {lost} of {acknowledged.Count} keys written under load lost their last acknowledged write");
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

    /// <summary>Waits until INFO replication shows every shard's replica in sync, on another silo than its owner.</summary>
    private static async Task WaitForReplicasAsync(RespTestClient client)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var info = await client.CallAsync("INFO", "replication");
            var master = OffsetPattern().Match(info);
            var replica = ReplicaPattern().Match(info);
            if (master.Success && replica.Success && master.Groups[1].Value == replica.Groups[1].Value) return;
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("Replicas did not catch up: " + info);
            await Task.Delay(100);
        }
    }

    /// <summary>Reads a key on a fresh connection each try: requests to the killed silo's shards fail or time out until it is declared dead.</summary>
    private static async Task<string> GetWhenServedAsync(int port, string key)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var c = await RespTestClient.ConnectAsync(port);
                var reply = await c.CallAsync("GET", key);
                if (!reply.StartsWith('-') || clock.Elapsed > TimeSpan.FromSeconds(120)) return reply;
            }
            catch (IOException) when (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
            }
            await Task.Delay(200);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("no writes were acknowledged");
            await Task.Delay(20);
        }
    }

    [GeneratedRegex(@"master_repl_offset:(\d+)")]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"slave0:state=online,offset=(\d+),")]
    private static partial Regex ReplicaPattern();
}
