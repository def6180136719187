using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Placement;
using DataTier.Replicas;
using DataTier.Tables;
using DataTier.Tests.Cluster;
using Xunit;
using static DataTier.Tests.Replicas.ReplicaTestTables;

namespace DataTier.Tests.Replicas;

/// <summary>Read replicas on the shared 3-silo cluster: placement, convergence, spreading, consistency, settings, lag.</summary>
[Collection("cluster")]
public class ReplicaTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task Replicas_sit_on_distinct_silos_that_follow_the_owner_on_the_ring()
    {
        var table = await CreateAsync(fixture.Tables, "replicas-placed", 2);
        for (var i = 0; i < 40; i++) await PutAsync(fixture.Tables, table.Name, i, i);
        await CatchUpAsync(Grains, table, 2);

        var management = Grains.GetGrain<IManagementGrain>(0);
        var silos = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
        var ring = new ConsistentHashRing<SiloAddress>(silos, ConsistentHashPlacementDirector.SiloIdentity);
        var activations = (await management.GetDetailedGrainStatistics())
            .Where(s => s.GrainId.Key.ToString()!.StartsWith(table.Id.ToString("N"), StringComparison.Ordinal))
            .ToDictionary(s => s.GrainId.Key.ToString()!, s => s.SiloAddress);
        Assert.Equal(table.Partitions.Count * 3, activations.Count);
        for (var p = 0; p < table.Partitions.Count; p++)
        {
            var partitionKey = table.PartitionGrainKey(p);
            var ringKey = ConsistentHashPlacementDirector.RingKey(Grains.GetGrain<IPartitionGrain>(partitionKey).GetGrainId());
            var places = Enumerable.Range(0, 3).Select(r => activations[r == 0 ? partitionKey : PartitionReplicaKey.Of(partitionKey, r)]).ToList();
            Assert.Equal(3, places.Distinct().Count());
            for (var r = 0; r < 3; r++) Assert.Equal(ring.OwnerOf(ringKey, r), places[r]);
        }
    }

    [Fact]
    public async Task Eventually_consistent_reads_converge_to_the_writes_and_are_spread_over_owner_and_replicas()
    {
        var table = await CreateAsync(fixture.Tables, "replicas-spread", 2);
        for (var i = 0; i < 60; i++) await PutAsync(fixture.Tables, table.Name, i, 1);
        for (var i = 0; i < 60; i += 2) await PutAsync(fixture.Tables, table.Name, i, 2);
        for (var i = 0; i < 60; i += 3) await fixture.Tables.DeleteItemAsync(new DeleteItemRequest { TableName = table.Name, Key = Key(i) });
        long? Expected(int i) => i % 3 == 0 ? null : i % 2 == 0 ? 2 : 1;

        // No catch-up asked for: the replicas follow the log on their own. Three reads in a row of one
        // key meet the owner and both replicas.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var stale = 0;
            for (var i = 0; i < 60; i++)
                for (var copy = 0; copy < 3; copy++)
                    if (N((await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = Key(i) })).Item) != Expected(i)) stale++;
            if (stale == 0) break;
            Assert.True(DateTime.UtcNow < deadline, $"{stale} of 180 eventually consistent reads still stale after 30 s");
            await Task.Delay(100);
        }

        var before = await ReadCountsAsync(table);
        for (var round = 0; round < 5; round++)
            for (var i = 0; i < 60; i++)
                Assert.Equal(Expected(i), N((await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = Key(i) })).Item));
        var batch = await fixture.Tables.BatchGetItemAsync(new Dictionary<string, KeysAndAttributes>
        {
            [table.Name] = new() { Keys = Enumerable.Range(0, 60).Where(i => i % 3 != 0).Select(i => (IReadOnlyDictionary<string, AttrValue>)Key(i)).ToList() },
        });
        Assert.Equal(40, batch.Responses[table.Name].Count);
        for (var round = 0; round < 6; round++)
        {
            var scan = await fixture.Tables.ScanAsync(new ScanRequest { TableName = table.Name });
            Assert.Equal(40, scan.Count);
            Assert.All(scan.Items, item => Assert.Equal(Expected(int.Parse(item["pk"].Text![1..])), N(item)));
        }
        var query = await fixture.Tables.QueryAsync(new QueryRequest
        {
            TableName = table.Name,
            KeyConditionExpression = "pk = :k",
            ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":k"] = AttrValue.FromS("k1") },
        });
        Assert.Equal(1, N(Assert.Single(query.Items)));
        var after = await ReadCountsAsync(table);

        // 300 gets, 40 batch gets and 6 scans of 8 partitions, taken in turn by the owner and the two replicas.
        var served = Enumerable.Range(0, 3).Select(r => after[r] - before[r]).ToArray();
        Assert.Equal(300 + 40 + 6 * table.Partitions.Count + 1, served.Sum());
        Assert.All(served, s => Assert.InRange(s, served.Sum() / 3 - 10, served.Sum() / 3 + 10));
    }

    [Fact]
    public async Task Strongly_consistent_reads_go_to_the_owner_and_see_the_latest_write()
    {
        var table = await CreateAsync(fixture.Tables, "replicas-strong", 2);
        var before = await ReadCountsAsync(table);
        for (var n = 1; n <= 50; n++)
        {
            await PutAsync(fixture.Tables, table.Name, 7, n);
            var read = await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = Key(7), ConsistentRead = true });
            Assert.Equal(n, N(read.Item));
            Assert.Equal(n, read.Version);
            var query = await fixture.Tables.QueryAsync(new QueryRequest
            {
                TableName = table.Name,
                KeyConditionExpression = "pk = :k",
                ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":k"] = AttrValue.FromS("k7") },
                ConsistentRead = true,
            });
            Assert.Equal(n, N(Assert.Single(query.Items)));
        }
        var after = await ReadCountsAsync(table);
        Assert.Equal(100, after[0] - before[0]);
        Assert.Equal(before[1], after[1]);
        Assert.Equal(before[2], after[2]);
    }

    [Fact]
    public async Task A_replica_never_returns_an_item_older_than_one_it_returned()
    {
        var table = await CreateAsync(fixture.Tables, "replicas-monotonic", 2);
        await PutAsync(fixture.Tables, table.Name, 3, 0);
        var key = ItemKeyOf(table, 3);
        var replicas = new[] { Replica(Grains, table, PartitionOf(table, 3), 1), Replica(Grains, table, PartitionOf(table, 3), 2) };
        using var done = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 1; n <= 200; n++)
                await fixture.Tables.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = table.Name,
                    Key = Key(3),
                    UpdateExpression = "SET n = :n",
                    ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":n"] = AttrValue.FromN(n) },
                });
            done.Cancel();
        });
        var readers = replicas.Select(replica => Task.Run(async () =>
        {
            long last = -1, lastVersion = 0, reads = 0;
            while (!done.IsCancellationRequested)
            {
                var item = await replica.Get(key);
                Assert.NotNull(item);
                var n = N(item.Attributes)!.Value;
                Assert.True(n >= last, $"read n={n} after n={last}");
                Assert.True(item.Version >= lastVersion);
                (last, lastVersion) = (n, item.Version);
                reads++;
            }
            return reads;
        })).ToList();
        await writer;
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 0));
        foreach (var replica in replicas)
        {
            await replica.CatchUp();
            var item = await replica.Get(key);
            Assert.Equal(200, N(item!.Attributes));
            Assert.Equal(201, item.Version);
        }
    }

    [Fact]
    public async Task Replicas_report_the_owners_versions_through_unchanged_writes_deletes_and_transactions()
    {
        var table = await CreateAsync(fixture.Tables, "replicas-versions", 1);
        for (var i = 0; i < 10; i++)
        {
            await PutAsync(fixture.Tables, table.Name, i, 1);
            await PutAsync(fixture.Tables, table.Name, i, 1); // unchanged: no stream record, but the version moves on
        }
        await fixture.Tables.DeleteItemAsync(new DeleteItemRequest { TableName = table.Name, Key = Key(4) });
        await PutAsync(fixture.Tables, table.Name, 4, 9);
        await fixture.Tables.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [TransactWriteItem.Put(table.Name, Item(5, 5)), TransactWriteItem.Delete(table.Name, Key(6))],
        });
        await CatchUpAsync(Grains, table, 1);
        for (var i = 0; i < 10; i++)
        {
            var owner = await Grains.GetGrain<IPartitionGrain>(table.PartitionGrainKey(PartitionOf(table, i))).Get(ItemKeyOf(table, i));
            var replica = await Replica(Grains, table, PartitionOf(table, i), 1).Get(ItemKeyOf(table, i));
            Assert.Equal(owner?.Version, replica?.Version);
            Assert.Equal(N(owner?.Attributes), N(replica?.Attributes));
        }
    }

    [Fact]
    public async Task Expired_items_are_absent_on_replicas_as_on_the_owner()
    {
        var table = await CreateAsync(fixture.Tables, "replicas-ttl", 1);
        await fixture.Tables.UpdateTimeToLiveAsync(table.Name, new TimeToLiveSpecification(true, "expires"));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("gone"), ["expires"] = AttrValue.FromN(now - 60) } });
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("kept"), ["expires"] = AttrValue.FromN(now + 3600) } });
        await CatchUpAsync(Grains, table, 1);
        foreach (var (pk, present) in new[] { ("gone", false), ("kept", true) })
        {
            var key = ItemValidator.ItemKeyOf(table.KeySchema, new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS(pk) });
            var replica = Replica(Grains, table, table.Partitions.PartitionOf(key.Hash), 1);
            Assert.Equal(present, await replica.Get(key) is not null);
            var page = await replica.ReadRange(new RangeRequest(global::DataTier.Store.KeyRange.All, false, 100, 1 << 20, null));
            Assert.Equal(present, page.Items.Any(i => i.Attributes["pk"].Text == pk));
        }
    }

    [Fact]
    public async Task The_replica_count_follows_the_sdk_the_tag_and_the_silo_default()
    {
        var table = await CreateAsync(fixture.Tables, "replicas-settings", null);
        Assert.Equal(0, table.ReplicaCount);
        await fixture.Tables.TagResourceAsync(table.Arn, new Dictionary<string, string> { [ReplicaSetting.TagName] = "2" });
        Assert.Equal(2, (await fixture.Tables.DescribeTableAsync(table.Name)).ReplicaCount);
        for (var i = 0; i < 20; i++) await PutAsync(fixture.Tables, table.Name, i, i);
        var reread = await fixture.Tables.DescribeTableAsync(table.Name);
        await CatchUpAsync(Grains, reread, 2);
        var before = await ReadCountsAsync(reread);
        for (var i = 0; i < 30; i++) Assert.Equal(i % 20, N((await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = Key(i % 20) })).Item));
        var after = await ReadCountsAsync(reread);
        Assert.All(Enumerable.Range(0, 3), r => Assert.Equal(10, after[r] - before[r]));

        var updated = await fixture.Tables.UpdateTableAsync(table.Name, new TableUpdate(null, null, null, ReplicaCount: 1));
        Assert.Equal(1, updated.ReplicaCount);
        Assert.Equal("1", (await fixture.Tables.ListTagsOfResourceAsync(table.Arn))[ReplicaSetting.TagName]);
        before = await ReadCountsAsync(reread, 1);
        for (var i = 0; i < 30; i++) await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = Key(i % 20) });
        after = await ReadCountsAsync(reread, 1);
        Assert.Equal(15, after[0] - before[0]);
        Assert.Equal(15, after[1] - before[1]);

        await fixture.Tables.UntagResourceAsync(table.Arn, [ReplicaSetting.TagName]);
        Assert.Equal(0, (await fixture.Tables.DescribeTableAsync(table.Name)).ReplicaCount);

        var badTag = await Assert.ThrowsAsync<DynamoException>(() =>
            fixture.Tables.TagResourceAsync(table.Arn, new Dictionary<string, string> { [ReplicaSetting.TagName] = "6" }));
        Assert.Equal(DynamoErrorCode.ValidationException, badTag.Code);
        Assert.Contains(ReplicaSetting.TagName, badTag.Message);
        var badCount = await Assert.ThrowsAsync<DynamoException>(() =>
            fixture.Tables.UpdateTableAsync(table.Name, new TableUpdate(null, null, null, ReplicaCount: 6)));
        Assert.Equal("1 validation error detected: Value '6' at 'replicaCount' failed to satisfy constraint: Member must have value less than or equal to 5", badCount.Message);
        var badCreate = await Assert.ThrowsAsync<DynamoException>(() => CreateAsync(fixture.Tables, "replicas-bad", -1));
        Assert.Equal(DynamoErrorCode.ValidationException, badCreate.Code);

        var tagged = await fixture.Tables.CreateTableAsync(new TableDefinition
        {
            Name = "replicas-tagged",
            KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), null),
            AttributeDefinitions = [new KeyAttribute("pk", AttrType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Tags = new Dictionary<string, string> { [ReplicaSetting.TagName] = "3" },
        });
        Assert.Equal(3, tagged.ReplicaCount);
    }

    [Fact]
    public async Task Replica_lag_is_a_metric_per_table()
    {
        var table = await CreateAsync(fixture.Tables, "replicas-lag", 2);
        for (var i = 0; i < 20; i++) await PutAsync(fixture.Tables, table.Name, i, i);
        await CatchUpAsync(Grains, table, 2);

        var observed = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ReplicaMetrics.MeterName && instrument.Name.StartsWith("datatier.replica.lag", StringComparison.Ordinal))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "table" && (string?)tag.Value == table.Name)
                    observed.AddOrUpdate(instrument.Name, value, (_, old) => Math.Max(old, value));
        });
        listener.Start();
        listener.RecordObservableInstruments();
        Assert.Equal(0, observed["datatier.replica.lag.records"]);
        Assert.Equal(0, observed["datatier.replica.lag"]);

        // A replica told of records it has not applied yet lags by them, and by the age of its newest applied record.
        var replica = Replica(Grains, table, 0, 1);
        var status = await replica.GetStatus();
        await replica.Poke(status.Applied + 5);
        await replica.GetStatus(); // the one-way poke has been handled once a later call returns
        observed.Clear();
        listener.RecordObservableInstruments();
        Assert.Equal(5, observed["datatier.replica.lag.records"]);
        Assert.True(observed["datatier.replica.lag"] > 0);
    }

    /// <summary>Reads served so far by the owners (index 0) and by replicas 1 and 2 of all the table's partitions.</summary>
    private async Task<long[]> ReadCountsAsync(TableDescription table, int replicas = 2)
    {
        var counts = new long[3];
        for (var p = 0; p < table.Partitions.Count; p++)
        {
            counts[0] += await Grains.GetGrain<IPartitionGrain>(table.PartitionGrainKey(p)).GetReadCount();
            for (var r = 1; r <= replicas; r++) counts[r] += await Replica(Grains, table, p, r).GetReadCount();
        }
        return counts;
    }
}
