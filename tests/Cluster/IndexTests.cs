using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;
using Xunit;
using static DataTier.Tests.Cluster.IndexTestTables;

namespace DataTier.Tests.Cluster;

/// <summary>Local and global secondary indexes on the 3-silo cluster.</summary>
[Collection("cluster")]
public class IndexTests(ClusterFixture fixture)
{
    private static readonly string[] Pks = ["a", "b", "c", "d", "e"];

    /// <summary>Writers put, update and delete random items of a few partition keys at once.</summary>
    private async Task WriteConcurrentlyAsync(string table, int writers, int writesEach)
    {
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w * 7919 + writesEach);
            for (var i = 0; i < writesEach; i++)
            {
                var pk = Pks[random.Next(Pks.Length)];
                var sk = random.Next(15);
                var key = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS(pk), ["sk"] = AttrValue.FromN(sk) };
                switch (random.Next(6))
                {
                    case 0:
                        await fixture.Tables.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = key });
                        break;
                    case 1:
                        await fixture.Tables.UpdateItemAsync(new UpdateItemRequest
                        {
                            TableName = table,
                            Key = key,
                            UpdateExpression = "SET score = :s REMOVE city",
                            ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":s"] = AttrValue.FromN(random.Next(10)) },
                        });
                        break;
                    default:
                        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table, Item = RandomItem(random, pk, sk) });
                        break;
                }
            }
        })));
    }

    private async Task AssertIndexesMatchTableAsync(string name)
    {
        await DrainAsync(fixture.Cluster.Client, fixture.Tables, name);
        var table = await fixture.Tables.DescribeTableAsync(name);
        var items = await ScanAllAsync(fixture.Tables, name);
        foreach (var index in table.LocalIndexes)
        {
            var expected = Expected(table.KeySchema, index.KeySchema, index.Projection, items);
            Assert.Equal(expected.Count, index.ItemCount);
            foreach (var pk in Pks)
            {
                var want = expected.Where(i => i["pk"].Text == pk).ToList();
                var got = await QueryAllAsync(fixture.Tables, name, index.Name, "pk", AttrValue.FromS(pk), limit: 3);
                Assert.Equal(want.Select(Text).Order(), got.Select(Text).Order());
                // Ordered by the index sort key, then the table's sort key.
                var sortName = index.KeySchema.SortKey!.Name;
                var sorted = index.KeySchema.SortKey.Type == AttrType.N
                    ? got.OrderBy(i => Number(i, sortName)).ThenBy(i => Number(i, "sk"))
                    : got.OrderBy(i => i[sortName].Text, StringComparer.Ordinal).ThenBy(i => Number(i, "sk"));
                Assert.Equal(sorted.Select(Text), got.Select(Text));
                var backwards = await QueryAllAsync(fixture.Tables, name, index.Name, "pk", AttrValue.FromS(pk), limit: 4, forward: false);
                Assert.Equal(got.Select(Text).Reverse(), backwards.Select(Text));
            }
            var scanned = await ScanAllAsync(fixture.Tables, name, index.Name, limit: 5);
            Assert.Equal(expected.Select(Text).Order(), scanned.Select(Text).Order());
        }
        foreach (var index in table.GlobalIndexes)
        {
            var expected = Expected(table.KeySchema, index.KeySchema, index.Projection, items);
            Assert.Equal(expected.Count, index.ItemCount);
            var keyName = index.KeySchema.PartitionKey.Name;
            foreach (var value in expected.Select(i => i[keyName]).Distinct())
            {
                var want = expected.Where(i => i[keyName].Equals(value)).ToList();
                var got = await QueryAllAsync(fixture.Tables, name, index.Name, keyName, value, limit: 4);
                Assert.Equal(want.Select(Text).Order(), got.Select(Text).Order());
                if (index.KeySchema.SortKey is { } sort)
                    Assert.Equal(got.Select(i => Number(i, sort.Name)).Order(), got.Select(i => Number(i, sort.Name)));
            }
            var scanned = await ScanAllAsync(fixture.Tables, name, index.Name, limit: 7);
            Assert.Equal(expected.Select(Text).Order(), scanned.Select(Text).Order());
        }
    }

    [Fact]
    public async Task Every_index_equals_a_brute_force_scan_after_concurrent_writers()
    {
        var name = "idx-concurrent";
        await CreateAsync(fixture.Tables, name);
        await WriteConcurrentlyAsync(name, writers: 6, writesEach: 80);
        await AssertIndexesMatchTableAsync(name);
    }

    [Fact]
    public async Task Feeders_report_every_applied_record_and_no_lag_once_drained()
    {
        using var observed = new DataTier.Tests.Indexes.LagObserver();
        var name = "idx-lag";
        await CreateAsync(fixture.Tables, name);
        const int writes = 40;
        await Task.WhenAll(Enumerable.Range(0, writes).Select(i => fixture.Tables.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = new Dictionary<string, AttrValue>
            {
                ["pk"] = AttrValue.FromS(Pks[i % Pks.Length]), ["sk"] = AttrValue.FromN(i), ["city"] = AttrValue.FromS("c"), ["score"] = AttrValue.FromN(i), ["tag"] = AttrValue.FromS("t"),
            },
        })));
        await DrainAsync(fixture.Cluster.Client, fixture.Tables, name);
        foreach (var index in new[] { "byCity", "tagOnly" })
        {
            var delays = observed.Delays[(name, index)];
            Assert.True(delays.Count >= writes, $"{index}: {delays.Count} applied records reported, {writes} written");
            Assert.All(delays, d => Assert.True(d >= 0));
        }
        observed.Collect();
        Assert.Equal(0, observed.Records[(name, "byCity")]);
        Assert.Equal(0, observed.Age[(name, "byCity")]);
    }

    [Fact]
    public async Task A_global_index_added_to_a_populated_table_is_backfilled_while_writes_go_on()
    {
        var name = "idx-backfill";
        var keys = new TableKeySchema(Pk, Sk);
        await fixture.Tables.CreateTableAsync(new TableDefinition
        {
            Name = name, KeySchema = keys, AttributeDefinitions = [Pk, Sk], BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        var random = new Random(5);
        for (var i = 0; i < 300; i++)
            await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = name, Item = RandomItem(random, Pks[i % Pks.Length], i) });

        var updated = await fixture.Tables.UpdateTableAsync(name, new TableUpdate(null, null, null, null,
            [new GlobalIndexUpdate(new GlobalSecondaryIndex { Name = "byCity", KeySchema = new TableKeySchema(City, Score), Projection = IndexProjection.All }, null)],
            [City, Score]));
        var created = Assert.Single(updated.GlobalIndexes);
        Assert.Equal(IndexStatus.CREATING, created.Status);
        Assert.True(created.Backfilling);
        await WriteConcurrentlyAsync(name, writers: 3, writesEach: 40);
        await DrainAsync(fixture.Cluster.Client, fixture.Tables, name);
        var active = Assert.Single((await fixture.Tables.DescribeTableAsync(name)).GlobalIndexes);
        Assert.Equal(IndexStatus.ACTIVE, active.Status);
        Assert.False(active.Backfilling);
        await AssertIndexesMatchTableAsync(name);

        var deleted = await fixture.Tables.UpdateTableAsync(name, new TableUpdate(null, null, null, null, [new GlobalIndexUpdate(null, "byCity")]));
        Assert.Empty(deleted.GlobalIndexes);
        var e = await Assert.ThrowsAsync<DynamoException>(() => QueryAllAsync(fixture.Tables, name, "byCity", "city", AttrValue.FromS("c1")));
        Assert.Equal("The table does not have the specified index: byCity", e.Message);
        Assert.DoesNotContain((await fixture.Tables.ListTablesAsync()).TableNames, n => n.Contains('/'));
    }

    [Fact]
    public async Task An_item_and_its_local_index_entry_never_disagree()
    {
        var name = "idx-atomic";
        await CreateAsync(fixture.Tables, name);
        for (var sk = 0; sk < 10; sk++)
            await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = name, Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("a"), ["sk"] = AttrValue.FromN(sk), ["score"] = AttrValue.FromN(0) } });
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var random = new Random(3);
            for (var i = 0; i < 300; i++)
                await fixture.Tables.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = name,
                    Key = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("a"), ["sk"] = AttrValue.FromN(random.Next(10)) },
                    UpdateExpression = "SET score = :s",
                    ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":s"] = AttrValue.FromN(random.Next(100)) },
                });
            await stop.CancelAsync();
        });
        var reads = 0;
        while (!stop.IsCancellationRequested)
        {
            // Each item moves between index positions; a non-atomic move would show it twice or not at all.
            var entries = await QueryAllAsync(fixture.Tables, name, "byScore", "pk", AttrValue.FromS("a"));
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (decimal)i), entries.Select(e => Number(e, "sk")).Order());
            reads++;
        }
        await writer;
        Assert.True(reads > 0);
        var items = await ScanAllAsync(fixture.Tables, name);
        var final = await QueryAllAsync(fixture.Tables, name, "byScore", "pk", AttrValue.FromS("a"));
        Assert.Equal(items.Select(Text).Order(), final.Select(Text).Order());
    }

    [Fact]
    public async Task Item_collections_are_limited_and_measured()
    {
        var name = "idx-collection";
        await CreateAsync(fixture.Tables, name);
        var big = new string('x', 60 * 1024);
        var written = 0;
        var e = await Assert.ThrowsAsync<DynamoException>(async () =>
        {
            for (var sk = 0; sk < 100; sk++, written++)
            {
                var result = await fixture.Tables.PutItemAsync(new PutItemRequest
                {
                    TableName = name,
                    Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("big"), ["sk"] = AttrValue.FromN(sk), ["score"] = AttrValue.FromN(sk), ["v"] = AttrValue.FromS(big) },
                });
                Assert.NotNull(result.ItemCollection);
                Assert.True(result.ItemCollection.SizeBytes > (sk + 1) * 2 * 60 * 1024);
                Assert.Equal(AttrValue.FromS("big"), result.ItemCollection.ItemCollectionKey["pk"]);
            }
        });
        Assert.Equal(DynamoErrorCode.ItemCollectionSizeLimitExceededException, e.Code);
        Assert.InRange(written, 1, (int)(ClusterFixture.ItemCollectionLimit / (2 * 60 * 1024)));
        // A transaction that would grow the full collection is cancelled, with the reason AWS gives.
        var full = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("big"), ["sk"] = AttrValue.FromN(1000), ["v"] = AttrValue.FromS(big) };
        var cancelled = await Assert.ThrowsAsync<DynamoException>(() => fixture.Tables.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [TransactWriteItem.Put(name, full)],
        }));
        Assert.Equal(DynamoErrorCode.TransactionCanceledException, cancelled.Code);
        Assert.Equal("ItemCollectionSizeLimitExceeded", Assert.Single(cancelled.CancellationReasons!).Code);
        Assert.Equal("Collection size exceeded.", cancelled.CancellationReasons![0].Message);
        // Other collections, and writes that shrink this one, still go through.
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = name, Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("small"), ["sk"] = AttrValue.FromN(1), ["v"] = AttrValue.FromS(big) } });
        await fixture.Tables.DeleteItemAsync(new DeleteItemRequest { TableName = name, Key = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("big"), ["sk"] = AttrValue.FromN(0) } });
    }

    [Fact]
    public async Task Index_reads_and_writes_are_checked_as_DynamoDB_checks_them()
    {
        var name = "idx-checks";
        await CreateAsync(fixture.Tables, name);
        async Task<string> Fails(Func<Task> action) => (await Assert.ThrowsAsync<DynamoException>(action)).Message;
        Assert.Equal("Consistent reads are not supported on global secondary indexes", await Fails(() => fixture.Tables.QueryAsync(new QueryRequest
        {
            TableName = name, IndexName = "byCity", KeyConditionExpression = "city = :c", ConsistentRead = true,
            ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":c"] = AttrValue.FromS("x") },
        })));
        Assert.Equal("The table does not have the specified index: nope", await Fails(() => fixture.Tables.ScanAsync(new ScanRequest { TableName = name, IndexName = "nope" })));
        Assert.Equal("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index tagOnly because its projection type is not ALL",
            await Fails(() => fixture.Tables.ScanAsync(new ScanRequest { TableName = name, IndexName = "tagOnly", Select = Select.ALL_ATTRIBUTES })));
        Assert.Equal("One or more parameter values were invalid: Type mismatch for Index Key score Expected: N Actual: S IndexName: byScore",
            await Fails(() => fixture.Tables.PutItemAsync(new PutItemRequest { TableName = name, Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("a"), ["sk"] = AttrValue.FromN(1), ["score"] = AttrValue.FromS("x") } })));

        // A local index with KEYS_ONLY reads the items for attributes its entries lack.
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = name, Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("a"), ["sk"] = AttrValue.FromN(1), ["tag"] = AttrValue.FromS("t"), ["note"] = AttrValue.FromS("hi") } });
        var projected = await fixture.Tables.QueryAsync(new QueryRequest
        {
            TableName = name, IndexName = "byTag", KeyConditionExpression = "pk = :p AND begins_with(tag, :t)",
            ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":p"] = AttrValue.FromS("a"), [":t"] = AttrValue.FromS("t") },
        });
        Assert.Equal(["pk", "sk", "tag"], Assert.Single(projected.Items).Keys.Order());
        var all = await fixture.Tables.QueryAsync(new QueryRequest
        {
            TableName = name, IndexName = "byTag", KeyConditionExpression = "pk = :p AND tag = :t", Select = Select.ALL_ATTRIBUTES,
            ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":p"] = AttrValue.FromS("a"), [":t"] = AttrValue.FromS("t") },
        });
        Assert.Equal(AttrValue.FromS("hi"), Assert.Single(all.Items)["note"]);
    }
}
