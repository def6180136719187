using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using Xunit;

namespace DataTier.Tests.Cluster;

[Collection("cluster")]
public class QueryScanTests(ClusterFixture fixture)
{
    private static Dictionary<string, AttrValue> Item(string pk, string sk, string? payload = null)
    {
        var item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS(pk), ["sk"] = AttrValue.FromN(sk) };
        if (payload is not null) item["data"] = AttrValue.FromS(payload);
        return item;
    }

    private Task<Client.Results.ItemPage> Query(string table, string condition, Dictionary<string, AttrValue> values, bool forward = true, int? limit = null, IReadOnlyDictionary<string, AttrValue>? start = null) =>
        fixture.Tables.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = condition,
            ExpressionAttributeValues = values,
            ScanIndexForward = forward,
            Limit = limit,
            ExclusiveStartKey = start,
        });

    [Fact]
    public async Task Query_orders_numeric_sort_keys_and_applies_every_operator()
    {
        await PartitioningTests.CreateTable(fixture, "numbers", AttrType.N);
        string[] values = ["-10", "-1.5", "0", "2", "10", "10.5", "100"];
        foreach (var v in values.Reverse()) await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "numbers", Item = Item("p", v) });
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "numbers", Item = Item("q", "5") });

        var pk = new Dictionary<string, AttrValue> { [":p"] = AttrValue.FromS("p") };
        async Task<string[]> Run(string condition, params (string Name, string Value)[] extra)
        {
            var v = new Dictionary<string, AttrValue>(pk);
            foreach (var (n, x) in extra) v[n] = AttrValue.FromN(x);
            var page = await Query("numbers", condition, v);
            return page.Items.Select(i => i["sk"].Text!).ToArray();
        }

        Assert.Equal(values, await Run("pk = :p"));
        Assert.Equal(["10"], await Run("pk = :p AND sk = :a", (":a", "1E1")));
        Assert.Equal(["-10", "-1.5", "0"], await Run("pk = :p AND sk < :a", (":a", "2")));
        Assert.Equal(["-10", "-1.5", "0", "2"], await Run("pk = :p AND sk <= :a", (":a", "2")));
        Assert.Equal(["10.5", "100"], await Run("pk = :p AND sk > :a", (":a", "10")));
        Assert.Equal(["10", "10.5", "100"], await Run("pk = :p AND sk >= :a", (":a", "10")));
        Assert.Equal(["0", "2", "10"], await Run("pk = :p AND sk BETWEEN :a AND :b", (":a", "-1"), (":b", "10")));
        Assert.Equal(["2", "10", "10.5", "100"], await Run(":a < sk AND pk = :p", (":a", "1")));

        var reversed = await Query("numbers", "pk = :p", pk, forward: false);
        Assert.Equal(values.Reverse(), reversed.Items.Select(i => i["sk"].Text!));
    }

    [Fact]
    public async Task Query_pages_with_limit_visit_every_item_once_in_both_directions()
    {
        await PartitioningTests.CreateTable(fixture, "paging", AttrType.N);
        for (var i = 0; i < 25; i++) await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "paging", Item = Item("p", i.ToString()) });
        var pk = new Dictionary<string, AttrValue> { [":p"] = AttrValue.FromS("p") };
        foreach (var forward in new[] { true, false })
        {
            var seen = new List<string>();
            IReadOnlyDictionary<string, AttrValue>? start = null;
            var pages = 0;
            do
            {
                var page = await Query("paging", "pk = :p", pk, forward, limit: 7, start: start);
                Assert.True(page.Count <= 7);
                Assert.Equal(page.Count, page.ScannedCount);
                seen.AddRange(page.Items.Select(i => i["sk"].Text!));
                start = page.LastEvaluatedKey;
                pages++;
            } while (start is not null);
            var expected = Enumerable.Range(0, 25).Select(i => i.ToString());
            Assert.Equal(forward ? expected : expected.Reverse(), seen);
            Assert.Equal(4, pages);
        }
    }

    [Fact]
    public async Task Query_page_stops_at_one_megabyte()
    {
        await PartitioningTests.CreateTable(fixture, "bigpage", AttrType.N);
        var payload = new string('x', 100_000);
        for (var i = 0; i < 15; i++) await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "bigpage", Item = Item("p", i.ToString(), payload) });
        var pk = new Dictionary<string, AttrValue> { [":p"] = AttrValue.FromS("p") };
        var first = await Query("bigpage", "pk = :p", pk);
        Assert.InRange(first.Count, 9, 10);
        Assert.NotNull(first.LastEvaluatedKey);
        var second = await Query("bigpage", "pk = :p", pk, start: first.LastEvaluatedKey);
        Assert.Equal(15, first.Count + second.Count);
        Assert.Null(second.LastEvaluatedKey);
    }

    [Fact]
    public async Task Parallel_scan_segments_partition_the_table()
    {
        await PartitioningTests.CreateTable(fixture, "segments");
        for (var i = 0; i < 200; i++)
            await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "segments", Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS($"item{i}") } });

        var all = new List<string>();
        for (var segment = 0; segment < 3; segment++)
        {
            IReadOnlyDictionary<string, AttrValue>? start = null;
            do
            {
                var page = await fixture.Tables.ScanAsync(new ScanRequest { TableName = "segments", Segment = segment, TotalSegments = 3, Limit = 17, ExclusiveStartKey = start });
                all.AddRange(page.Items.Select(i => i["pk"].Text!));
                start = page.LastEvaluatedKey;
            } while (start is not null);
        }
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Distinct().Count());

        var whole = await fixture.Tables.ScanAsync(new ScanRequest { TableName = "segments", Select = Select.COUNT });
        Assert.Equal(200, whole.Count);
        Assert.Empty(whole.Items);
    }

    [Fact]
    public async Task Deleted_table_is_gone_and_a_new_one_with_its_name_starts_empty()
    {
        await PartitioningTests.CreateTable(fixture, "recreated");
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "recreated", Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("old") } });
        await fixture.Tables.DeleteTableAsync("recreated");
        var e = await Assert.ThrowsAsync<DynamoException>(() => fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "recreated", Key = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("old") } }));
        Assert.Equal(DynamoErrorCode.ResourceNotFoundException, e.Code);
        await PartitioningTests.CreateTable(fixture, "recreated");
        var scan = await fixture.Tables.ScanAsync(new ScanRequest { TableName = "recreated" });
        Assert.Empty(scan.Items);
    }

    [Fact]
    public async Task Filters_apply_after_the_limit_and_count_as_scanned()
    {
        await PartitioningTests.CreateTable(fixture, "filtered", AttrType.N);
        for (var i = 0; i < 20; i++)
            await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "filtered", Item = Item("p", i.ToString(), i % 2 == 0 ? "even" : "odd") });
        var page = await fixture.Tables.QueryAsync(new QueryRequest
        {
            TableName = "filtered",
            KeyConditionExpression = "pk = :p",
            FilterExpression = "#d = :even",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#d"] = "data" },
            ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":p"] = AttrValue.FromS("p"), [":even"] = AttrValue.FromS("even") },
            Limit = 5,
        });
        Assert.Equal(5, page.ScannedCount);
        Assert.Equal(3, page.Count);
        Assert.Equal(["0", "2", "4"], page.Items.Select(i => i["sk"].Text!));
        Assert.NotNull(page.LastEvaluatedKey);

        var scan = await fixture.Tables.ScanAsync(new ScanRequest
        {
            TableName = "filtered",
            FilterExpression = "#d = :odd",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#d"] = "data" },
            ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":odd"] = AttrValue.FromS("odd") },
            Select = Select.COUNT,
        });
        Assert.Equal(10, scan.Count);
        Assert.Equal(20, scan.ScannedCount);

        var e = await Assert.ThrowsAsync<DynamoException>(() => fixture.Tables.QueryAsync(new QueryRequest
        {
            TableName = "filtered",
            KeyConditionExpression = "pk = :p",
            FilterExpression = "sk > :n",
            ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":p"] = AttrValue.FromS("p"), [":n"] = AttrValue.FromN("3") },
        }));
        Assert.Equal("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk", e.Message);
    }

    [Fact]
    public async Task Describe_table_counts_items_and_bytes()
    {
        await PartitioningTests.CreateTable(fixture, "counted", AttrType.N);
        for (var i = 0; i < 30; i++)
            await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "counted", Item = Item("p" + (i % 7), i.ToString(), "0123456789") });
        var described = await fixture.Tables.DescribeTableAsync("counted");
        Assert.Equal(30, described.ItemCount);
        var expectedBytes = Enumerable.Range(0, 30).Sum(i => (long)ItemSize.Of(Item("p" + (i % 7), i.ToString(), "0123456789")));
        Assert.Equal(expectedBytes, described.TableSizeBytes);

        await fixture.Tables.DeleteItemAsync(new DeleteItemRequest { TableName = "counted", Key = Item("p0", "0") });
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "counted", Item = Item("p1", "1") });
        var after = await fixture.Tables.DescribeTableAsync("counted");
        Assert.Equal(29, after.ItemCount);
        Assert.Equal(expectedBytes - ItemSize.Of(Item("p0", "0", "0123456789")) - "data".Length - 10, after.TableSizeBytes);
    }
}
