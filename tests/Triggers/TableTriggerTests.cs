using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DataTier.Client.Requests;
using DataTier.Client.Triggers;
using DataTier.Model;
using DataTier.Streams;
using DataTier.Tables;
using DataTier.Tests.Cluster;
using Xunit;

namespace DataTier.Tests.Triggers;

[Collection("cluster")]
public class TableTriggerTests(ClusterFixture fixture)
{
    private async Task<TableDescription> CreateStreamTable(string name) => await fixture.Tables.CreateTableAsync(new TableDefinition
    {
        Name = name,
        KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), null),
        AttributeDefinitions = [new KeyAttribute("pk", AttrType.S)],
        BillingMode = BillingMode.PAY_PER_REQUEST,
        Stream = new StreamSpecification(true, StreamViewType.NEW_IMAGE),
    });

    private static Dictionary<string, AttrValue> Counter(string pk, long n) => new() { ["pk"] = AttrValue.FromS(pk), ["n"] = AttrValue.FromN(n) };

    [Fact]
    public async Task A_trigger_sees_every_change_once_in_item_order_and_resumes_from_its_checkpoint()
    {
        var table = await CreateStreamTable("trigger-order");
        var lags = new ConcurrentQueue<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == "DataTier" && instrument.Name == "datatier.trigger.lag") l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            if (tags.ToArray().Any(t => t.Key == "table" && (string?)t.Value == "trigger-order")) lags.Enqueue(value);
        });
        listener.Start();
        var seen = new ConcurrentQueue<StreamRecord>();
        var failuresLeft = 3;
        Task Handler(StreamRecord record, CancellationToken token)
        {
            // A handler that fails now and then is called again with the same record.
            if (record.Keys["pk"].Text == "k3" && Interlocked.Decrement(ref failuresLeft) >= 0) throw new InvalidOperationException("transient");
            seen.Enqueue(record);
            return Task.CompletedTask;
        }
        var options = new TableTriggerOptions { PollInterval = TimeSpan.FromMilliseconds(200), FirstRetryDelay = TimeSpan.FromMilliseconds(20) };
        var trigger = await TableTrigger.StartAsync(fixture.Cluster.Client, table.Name, "audit", Handler, options, fixture.Cluster.Client.ServiceProvider);

        const int keys = 10, writesPerKey = 15;
        await Task.WhenAll(Enumerable.Range(0, keys).Select(k => Task.Run(async () =>
        {
            for (var n = 1; n <= writesPerKey; n++)
                await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Counter($"k{k}", n) });
        })));
        await UntilAsync(() => seen.Count >= keys * writesPerKey);
        await trigger.DisposeAsync();
        AssertOncePerChangeInOrder(seen, keys, 1, writesPerKey);
        // Each handled change reports how long after its write the handler finished.
        Assert.True(lags.Count >= keys * writesPerKey, $"{lags.Count} lag measurements");
        Assert.All(lags, lag => Assert.InRange(lag, 0, 60_000));

        // Stopped and started again under the same name: it resumes after its checkpoint.
        for (var k = 0; k < keys; k++)
            await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Counter($"k{k}", writesPerKey + 1) });
        var resumed = new ConcurrentQueue<StreamRecord>();
        await using (await TableTrigger.StartAsync(fixture.Cluster.Client, table.Name, "audit", (r, _) => { resumed.Enqueue(r); return Task.CompletedTask; }, options))
            await UntilAsync(() => resumed.Count >= keys);
        AssertOncePerChangeInOrder(resumed, keys, writesPerKey + 1, writesPerKey + 1);
    }

    private static void AssertOncePerChangeInOrder(IEnumerable<StreamRecord> records, int keys, int first, int last)
    {
        var byKey = records.GroupBy(r => r.Keys["pk"].Text!).ToDictionary(g => g.Key, g => g.Select(r => long.Parse(r.NewImage!["n"].Text!)).ToList());
        Assert.Equal(keys, byKey.Count);
        foreach (var (key, values) in byKey)
            Assert.True(values.SequenceEqual(Enumerable.Range(first, last - first + 1).Select(v => (long)v)), $"{key}: {string.Join(",", values)}");
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the trigger did not catch up within 30 s");
            await Task.Delay(50);
        }
    }
}
