using System.Collections.Concurrent;
using DataTier.Catalog;
using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Client.Triggers;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Streams;
using DataTier.Tables;
using DataTier.Tests.Cluster;
using Xunit;

namespace DataTier.Tests.Splits;

/// <summary>Partitions split under concurrent writers: nothing lost or doubled in the table, its stream, a trigger or a global index.</summary>
[Collection("splits")]
public class SplitTests(SplitClusterFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Writers = 6, KeysPerWriter = 8, Rounds = 10;

    private ITableClient Tables => fixture.Tables;

    private ITableCatalogGrain Catalog => fixture.Cluster.GrainFactory.GetGrain<ITableCatalogGrain>(0);

    private async Task<TableDescription> CreateTableAsync(string name) => await Tables.CreateTableAsync(new TableDefinition
    {
        Name = name,
        KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), new KeyAttribute("sk", AttrType.N)),
        AttributeDefinitions = [new KeyAttribute("pk", AttrType.S), new KeyAttribute("sk", AttrType.N), new KeyAttribute("g", AttrType.S), new KeyAttribute("n", AttrType.N)],
        BillingMode = BillingMode.PAY_PER_REQUEST,
        Stream = new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES),
        GlobalIndexes = [new GlobalSecondaryIndex { Name = "byG", KeySchema = new TableKeySchema(new KeyAttribute("g", AttrType.S), new KeyAttribute("n", AttrType.N)), Projection = IndexProjection.All }],
    });

    private static Dictionary<string, AttrValue> Item(string pk, int n) => new()
    {
        ["pk"] = AttrValue.FromS(pk),
        ["sk"] = AttrValue.FromN(0),
        ["n"] = AttrValue.FromN(n),
        ["g"] = AttrValue.FromS("g" + n % 3),
    };

    private static Dictionary<string, AttrValue> Key(string pk) => new() { ["pk"] = AttrValue.FromS(pk), ["sk"] = AttrValue.FromN(0) };

    [Fact]
    public async Task A_split_under_concurrent_writers_keeps_every_item_every_change_and_the_index()
    {
        var table = await CreateTableAsync("split-load");
        var seen = new ConcurrentQueue<StreamRecord>();
        var triggerOptions = new TableTriggerOptions { PollInterval = TimeSpan.FromMilliseconds(100), FirstRetryDelay = TimeSpan.FromMilliseconds(20) };
        var trigger = await TableTrigger.StartAsync(fixture.Cluster.Client, table.Name, "split-audit",
            (record, _) => { seen.Enqueue(record); return Task.CompletedTask; }, triggerOptions, fixture.Cluster.Client.ServiceProvider);

        var acknowledged = new ConcurrentDictionary<string, int>();
        var writes = 0;
        var splitting = true;
        var latencies = new ConcurrentBag<double>();
        // Writers go on until every split is done, so each split meets writes in flight.
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var n = 1; n <= Rounds || Volatile.Read(ref splitting); n++)
                for (var k = 0; k < KeysPerWriter; k += w == 0 ? 2 : 1)
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    if (w == 0)
                    {
                        // One writer puts pairs of items in transactions, so prepared locks meet the splits too.
                        var (a, b) = ($"w0k{k}", $"w0k{k + 1}");
                        await Tables.TransactWriteItemsAsync(new TransactWriteItemsRequest
                        {
                            TransactItems = [TransactWriteItem.Put(table.Name, Item(a, n)), TransactWriteItem.Put(table.Name, Item(b, n))],
                        });
                        acknowledged[a] = acknowledged[b] = n;
                    }
                    else
                    {
                        var pk = $"w{w}k{k}";
                        await Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Item(pk, n) });
                        acknowledged[pk] = n;
                    }
                    Interlocked.Increment(ref writes);
                    latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
        })).ToList();

        // Split every partition of the initial map, then one of the children again, each after more writes went through.
        var initial = table.Partitions.CurrentIds.ToList();
        var splitsDone = 0;
        foreach (var id in initial.Append(-1))
        {
            var target = Volatile.Read(ref writes) + 25;
            await UntilAsync(() => Volatile.Read(ref writes) >= target || writers.All(t => t.IsCompleted), "writes between splits");
            var partitionId = id >= 0 ? id : (await Catalog.Describe(table.Name))!.Partitions.CurrentIds.Max();
            var splitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            Assert.True(await Catalog.SplitPartition(table.Name, partitionId));
            output.WriteLine($"split of partition {partitionId}: {System.Diagnostics.Stopwatch.GetElapsedTime(splitStarted).TotalMilliseconds:F1} ms, after {Volatile.Read(ref writes)} writes");
            splitsDone++;
        }
        Volatile.Write(ref splitting, false);
        await Task.WhenAll(writers);
        var sorted = latencies.Order().ToList();
        output.WriteLine($"{sorted.Count} writes: p50 {sorted[sorted.Count / 2]:F1} ms, p99 {sorted[sorted.Count * 99 / 100]:F1} ms, max {sorted[^1]:F1} ms");

        var after = (await Catalog.Describe(table.Name))!;
        Assert.Equal(1 + splitsDone, after.Partitions.Version);
        Assert.Equal(initial.Count + splitsDone, after.Partitions.Count);
        Assert.Equal(Writers * KeysPerWriter, acknowledged.Count);
        Assert.All(acknowledged.Values, n => Assert.True(n >= Rounds));

        // The table: every acknowledged write, by key, by query and by (parallel) scan.
        foreach (var (pk, n) in acknowledged)
        {
            var read = await Tables.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = Key(pk), ConsistentRead = true });
            Assert.Equal(n.ToString(), read.Item?["n"].Text);
            var query = await Tables.QueryAsync(new QueryRequest
            {
                TableName = table.Name,
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":pk"] = AttrValue.FromS(pk) },
            });
            Assert.Equal([n.ToString()], query.Items.Select(i => i["n"].Text));
        }
        var expected = acknowledged.Select(kv => $"{kv.Key}={kv.Value}").Order().ToList();
        Assert.Equal(expected, (await IndexTestTables.ScanAllAsync(Tables, table.Name, limit: 7)).Select(Describe).Order());
        var segments = await Task.WhenAll(Enumerable.Range(0, 3).Select(s => ScanSegmentAsync(table.Name, s, 3)));
        Assert.Equal(expected, segments.SelectMany(s => s).Select(Describe).Order());
        Assert.Equal(acknowledged.Count, (await Tables.DescribeTableAsync(table.Name)).ItemCount);

        // The stream: parents' shards closed, every change exactly once, in item order across parent and child.
        var records = await ReadStreamAsync(after);
        AssertOncePerChangeInOrder(records, acknowledged);
        var byKey = records.GroupBy(r => r.Keys["pk"].Text!);
        Assert.All(byKey, g => Assert.True(g.Select(r => r.SequenceNumber).SequenceEqual(g.Select(r => r.SequenceNumber).Order()),
            $"{g.Key}: sequence numbers do not grow from parent to child"));

        // The trigger followed the children of every closed shard.
        await UntilAsync(() => seen.Count >= records.Count, "the trigger to catch up");
        await trigger.DisposeAsync();
        AssertOncePerChangeInOrder([.. seen], acknowledged);

        // The global index, once fed, equals a brute-force scan of the table.
        await IndexTestTables.DrainAsync(fixture.Cluster.GrainFactory, Tables, table.Name);
        var indexed = await IndexTestTables.ScanAllAsync(Tables, table.Name, "byG");
        Assert.Equal(expected, indexed.Select(Describe).Order());
        Assert.All(indexed, i => Assert.Equal("g" + int.Parse(i["n"].Text!) % 3, i["g"].Text));
    }

    [Fact]
    public async Task A_partition_splits_by_itself_past_the_size_threshold()
    {
        var table = await CreateTableAsync("split-size");
        var padding = AttrValue.FromS(new string('x', 3000));
        const int items = 100;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < items; i += 4)
                await Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = new Dictionary<string, AttrValue>(Item($"big{i}", 1)) { ["pad"] = padding } });
        })));
        Assert.True(items * 3000 / table.Partitions.Count > SplitClusterFixture.SplitSizeBytes, "the items must pass the threshold");

        // Every partition past the threshold splits, and its children again, until each is below it.
        await UntilAsync(() => SizesBelowThresholdAsync(table.Name), "the partitions to split below the threshold");
        var after = (await Catalog.Describe(table.Name))!;
        Assert.True(after.Partitions.Count > table.Partitions.Count, $"{after.Partitions.Count} partitions");
        Assert.Equal(items, (await IndexTestTables.ScanAllAsync(Tables, table.Name)).Count);
        Assert.Equal(items, (await ReadStreamAsync(after)).Count);
    }

    private async Task<bool> SizesBelowThresholdAsync(string name)
    {
        var table = (await Catalog.Describe(name))!;
        try
        {
            var stats = await Task.WhenAll(table.Partitions.CurrentIds.Select(id =>
                fixture.Cluster.GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(id)).GetStats()));
            return table.Partitions.Version > 1 && stats.All(s => s.SizeBytes <= SplitClusterFixture.SplitSizeBytes);
        }
        catch (PartitionRetiredException)
        {
            return false; // a partition split after the map was read: look again
        }
    }

    private async Task<List<IReadOnlyDictionary<string, AttrValue>>> ScanSegmentAsync(string name, int segment, int total)
    {
        var all = new List<IReadOnlyDictionary<string, AttrValue>>();
        IReadOnlyDictionary<string, AttrValue>? start = null;
        do
        {
            var page = await Tables.ScanAsync(new ScanRequest { TableName = name, Segment = segment, TotalSegments = total, Limit = 5, ExclusiveStartKey = start });
            all.AddRange(page.Items);
            start = page.LastEvaluatedKey;
        } while (start is not null);
        return all;
    }

    /// <summary>Every record of every shard, parents' shards (lower ids) first, as a stream reader must read them.</summary>
    private async Task<List<StreamRecord>> ReadStreamAsync(TableDescription table)
    {
        var records = new List<StreamRecord>();
        foreach (var id in table.Partitions.AllIds)
        {
            var partition = fixture.Cluster.GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(id));
            for (long next = 0; ;)
            {
                var batch = await partition.ReadStream(table.LatestStreamLabel!, next, 100);
                records.AddRange(batch.Records);
                next = batch.NextSequence;
                if (batch.Closed) break;
                if (batch.Records.Count == 0)
                {
                    Assert.False(table.Partitions.IsRetired(id), $"shard {id} of a split partition did not close");
                    break;
                }
            }
        }
        return records;
    }

    private static void AssertOncePerChangeInOrder(IReadOnlyCollection<StreamRecord> records, IReadOnlyDictionary<string, int> last)
    {
        var byKey = records.GroupBy(r => r.Keys["pk"].Text!).ToDictionary(g => g.Key, g => g.Select(r => int.Parse(r.NewImage!["n"].Text!)).ToList());
        Assert.Equal(last.Count, byKey.Count);
        foreach (var (key, values) in byKey)
            Assert.True(values.SequenceEqual(Enumerable.Range(1, last[key])), $"{key}: {string.Join(",", values)}");
    }

    private static string Describe(IReadOnlyDictionary<string, AttrValue> item) => $"{item["pk"].Text}={item["n"].Text}";

    private static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}
