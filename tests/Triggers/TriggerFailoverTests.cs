using System.Collections.Concurrent;
using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Client.Triggers;
using DataTier.Errors;
using DataTier.Hosting;
using DataTier.Model;
using DataTier.Store;
using DataTier.Streams;
using DataTier.Tables;
using Orleans.TestingHost;
using DataTier.Tests.Cluster;
using Xunit;

namespace DataTier.Tests.Triggers;

/// <summary>A trigger keeps its exactly-once, in-order delivery while a silo leaves under a write load (its own 3-silo cluster).</summary>
public sealed class TriggerFailoverTests() : OwnClusterTests(3)
{
    private static readonly string StorePath = Path.Combine(Path.GetTempPath(), "datatier-trigger-" + Guid.NewGuid().ToString("N"));
    private static RocksDbTableStore? _store;

    protected override void Configure(TestClusterBuilder builder)
    {
        _store = new RocksDbTableStore(new RocksDbStoreOptions { Path = StorePath });
        builder.AddSiloBuilderConfigurator<Configurator>();
        builder.AddClientBuilderConfigurator<ChangeStreamsClientConfigurator>();
    }

    protected override void AfterStop()
    {
        _store?.Dispose();
        Directory.Delete(StorePath, recursive: true);
    }

    [Fact]
    public async Task Every_change_reaches_the_handler_once_and_in_order_while_a_silo_leaves()
    {
        var tables = new TableClient(Cluster.Client);
        await tables.CreateTableAsync(new TableDefinition
        {
            Name = "failover",
            KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), null),
            AttributeDefinitions = [new KeyAttribute("pk", AttrType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Stream = new StreamSpecification(true, StreamViewType.NEW_IMAGE),
        });
        var seen = new ConcurrentQueue<StreamRecord>();
        var options = new TableTriggerOptions { PollInterval = TimeSpan.FromMilliseconds(200), FirstRetryDelay = TimeSpan.FromMilliseconds(20) };
        await using var trigger = await TableTrigger.StartAsync(Cluster.Client, "failover", "mirror",
            (r, _) => { seen.Enqueue(r); return Task.CompletedTask; }, options, Cluster.Client.ServiceProvider);

        const int keys = 12;
        var written = new long[keys];
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, keys).Select(k => Task.Run(async () =>
        {
            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                try
                {
                    await tables.PutItemAsync(new PutItemRequest
                    {
                        TableName = "failover",
                        Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS($"k{k}"), ["n"] = AttrValue.FromN(n) },
                    });
                    written[k] = n;
                }
                catch (Exception e) when (e is not DynamoException)
                {
                    n--; // the write may or may not have landed while its silo left: write the same value again
                }
            }
        })).ToList();

        await UntilAsync(() => seen.Count >= 100);
        await Cluster.StopSiloAsync(Cluster.SecondarySilos[0]);
        var afterStop = seen.Count;
        await UntilAsync(() => seen.Count >= afterStop + 100);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        await UntilAsync(() => seen.GroupBy(r => r.Keys["pk"].Text!).Sum(g => g.Count()) >= written.Sum()
            && Enumerable.Range(0, keys).All(k => seen.Any(r => r.Keys["pk"].Text == $"k{k}" && long.Parse(r.NewImage!["n"].Text!) == written[k])));

        foreach (var group in seen.GroupBy(r => r.Keys["pk"].Text!))
        {
            var values = group.Select(r => long.Parse(r.NewImage!["n"].Text!)).ToList();
            var k = int.Parse(group.Key[1..]);
            Assert.True(values.SequenceEqual(Enumerable.Range(1, (int)written[k]).Select(v => (long)v)),
                $"{group.Key}: expected 1..{written[k]} once each, in order; got {string.Join(",", values)}");
        }
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the trigger did not catch up within 60 s");
            await Task.Delay(50);
        }
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddDataTierTables(o => o.InitialPartitionsPerTable = 8);
            siloBuilder.Services.AddSharedTableStore(_store!);
        }
    }
}
