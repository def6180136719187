using DataTier.Catalog;
using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;
using DataTier.Tests.Cluster;
using Orleans.TestingHost;
using Xunit;

namespace DataTier.Tests.DirectWrites;

/// <summary>
/// Single-item writes that the silo's own table client (the one its DynamoDB endpoint uses) makes to a partition active
/// on that silo without a grain call: they must land exactly as grain calls would, side by side with the grain's turns.
/// </summary>
public sealed class DirectWriteTests() : OwnClusterTests(1)
{
    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<LocalReads.TwoPartitionSilo<PartitionWriteCounter>>();

    private TableClient SiloTables() => LocalReads.SiloTables.Of(Cluster.Silos[0]);

    private static Dictionary<string, AttrValue> Key(string pk) => LocalReads.SiloTables.Key(pk);

    private static Dictionary<string, AttrValue> Item(string pk, string value) => LocalReads.SiloTables.Item(pk, value);

    private static Task Increment(ITableClient tables, string table, string pk) =>
        tables.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = Key(pk),
            UpdateExpression = "ADD n :one",
            ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":one"] = AttrValue.FromN(1) },
        });

    private static async Task<IReadOnlyDictionary<string, AttrValue>?> ConsistentGet(ITableClient tables, string table, string pk) =>
        (await tables.GetItemAsync(new GetItemRequest { TableName = table, Key = Key(pk), ConsistentRead = true })).Item;

    private static async Task<long> CounterOf(ITableClient tables, string table, string pk) =>
        long.Parse((await ConsistentGet(tables, table, pk))!["n"].Text!);

    [Fact]
    public async Task Writes_to_a_plain_table_make_no_grain_call_and_a_table_with_a_stream_gets_them_as_calls()
    {
        var tables = SiloTables();
        await LocalReads.SiloTables.CreateAsync(tables, "direct-plain");
        // A partition not yet active anywhere is activated by a call; describing the table activates every one.
        await tables.DescribeTableAsync("direct-plain");
        var before = PartitionWriteCounter.Calls;
        for (var i = 0; i < 20; i++) await tables.PutItemAsync(new PutItemRequest { TableName = "direct-plain", Item = Item($"k{i}", $"v{i}") });
        for (var i = 0; i < 20; i++)
        {
            var result = await tables.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = "direct-plain",
                Key = Key($"k{i}"),
                UpdateExpression = "SET v = :w",
                ConditionExpression = "v = :old",
                ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":w"] = AttrValue.FromS($"w{i}"), [":old"] = AttrValue.FromS($"v{i}") },
                ReturnValues = ReturnValues.UPDATED_OLD,
            });
            Assert.Equal($"v{i}", result.Attributes!["v"].Text);
            Assert.Equal(2, result.Version);
        }
        for (var i = 0; i < 5; i++) await tables.DeleteItemAsync(new DeleteItemRequest { TableName = "direct-plain", Key = Key($"k{i}") });
        // A failed condition fails as it does through the grain, and writes nothing.
        var failed = await Assert.ThrowsAsync<DynamoException>(() => tables.PutItemAsync(new PutItemRequest
        {
            TableName = "direct-plain",
            Item = Item("k5", "x"),
            ConditionExpression = "attribute_not_exists(pk)",
        }));
        Assert.Equal(DynamoErrorCode.ConditionalCheckFailedException, failed.Code);
        Assert.Equal(before, PartitionWriteCounter.Calls);

        for (var i = 0; i < 20; i++) Assert.Equal(i < 5 ? null : $"w{i}", (await ConsistentGet(tables, "direct-plain", $"k{i}"))?["v"].Text);
        Assert.Equal(15, (await tables.DescribeTableAsync("direct-plain")).ItemCount);

        // A table with a stream writes change records with each write, which only the grain's turn does.
        await tables.CreateTableAsync(new TableDefinition
        {
            Name = "direct-stream",
            KeySchema = new(new("pk", AttrType.S), null),
            AttributeDefinitions = [new("pk", AttrType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Stream = new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES),
        });
        await tables.DescribeTableAsync("direct-stream");
        before = PartitionWriteCounter.Calls;
        for (var i = 0; i < 10; i++) await tables.PutItemAsync(new PutItemRequest { TableName = "direct-stream", Item = Item($"k{i}", $"v{i}") });
        Assert.Equal(before + 10, PartitionWriteCounter.Calls);
    }

    [Fact]
    public async Task Concurrent_writes_from_inside_and_outside_the_silo_all_count()
    {
        var inside = SiloTables();
        var outside = new TableClient(Cluster.Client);
        await LocalReads.SiloTables.CreateAsync(inside, "direct-concurrent");
        Assert.Equal(0, (await inside.DescribeTableAsync("direct-concurrent")).ItemCount);

        // One item incremented from both sides at once: direct writes and grain turns take turns on it.
        await Task.WhenAll(Enumerable.Range(0, 150).Select(i => Increment(i % 3 == 0 ? outside : inside, "direct-concurrent", "counter")));
        Assert.Equal(150, await CounterOf(inside, "direct-concurrent", "counter"));

        // Many items of the same partitions written side by side: the partitions' statistics count each once.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => inside.PutItemAsync(new PutItemRequest { TableName = "direct-concurrent", Item = Item($"k{i}", $"v{i}") })));
        Assert.Equal(201, (await inside.DescribeTableAsync("direct-concurrent")).ItemCount);
        for (var i = 0; i < 200; i++) Assert.Equal($"v{i}", (await ConsistentGet(outside, "direct-concurrent", $"k{i}"))!["v"].Text);
    }

    [Fact]
    public async Task Transactions_and_splits_under_way_do_not_lose_direct_writes()
    {
        var inside = SiloTables();
        var table = await LocalReads.SiloTables.CreateAsync(inside, "direct-transactions");
        await Increment(inside, "direct-transactions", "counter");

        // Transactions lock the item for a moment; direct writes meanwhile go to the grain, which waits for the lock or
        // reports the conflict. Every increment that succeeded is in the counter, and no other.
        var succeeded = 1;
        async Task Try(Func<Task> write)
        {
            try
            {
                await write();
                Interlocked.Increment(ref succeeded);
            }
            catch (DynamoException e) when (e.Code is DynamoErrorCode.TransactionConflictException or DynamoErrorCode.TransactionCanceledException)
            {
            }
        }
        var transaction = new TransactWriteItemsRequest
        {
            TransactItems = [TransactWriteItem.Update("direct-transactions", Key("counter"), "ADD n :one", values: new Dictionary<string, AttrValue> { [":one"] = AttrValue.FromN(1) })],
        };
        await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Try(i % 4 == 0
            ? () => inside.TransactWriteItemsAsync(transaction)
            : () => Increment(inside, "direct-transactions", "counter"))));
        // How many win depends on contention (locked items refuse writes); every one that won must be counted.
        Assert.True(succeeded > 1);
        Assert.Equal(succeeded, await CounterOf(inside, "direct-transactions", "counter"));

        // A split fences and retires the partitions while direct writes with the old map keep coming.
        var catalog = Cluster.GrainFactory.GetGrain<ITableCatalogGrain>(0);
        var writes = Task.WhenAll(Enumerable.Range(0, 100).Select(i => inside.PutItemAsync(new PutItemRequest { TableName = "direct-transactions", Item = Item($"k{i}", $"v{i}") })));
        foreach (var id in table.Partitions.CurrentIds) Assert.True(await catalog.SplitPartition("direct-transactions", id));
        await writes;
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Increment(inside, "direct-transactions", "counter")));

        Assert.Equal(succeeded + 50, await CounterOf(inside, "direct-transactions", "counter"));
        for (var i = 0; i < 100; i++) Assert.Equal($"v{i}", (await ConsistentGet(inside, "direct-transactions", $"k{i}"))!["v"].Text);
        Assert.Equal(101, (await inside.DescribeTableAsync("direct-transactions")).ItemCount);
    }
}
