using DataTier.Client.Requests;
using DataTier.Model;
using DataTier.Store;
using DataTier.Streams;
using DataTier.Tables;
using DataTier.Tests.Cluster;
using Xunit;

namespace DataTier.Tests.TimeToLive;

[Collection("cluster")]
public class TimeToLiveTests(ClusterFixture fixture)
{
    private static Dictionary<string, AttrValue> Item(string pk, long? expires) => expires is { } e
        ? new() { ["pk"] = AttrValue.FromS(pk), ["expires"] = AttrValue.FromN(e) }
        : new() { ["pk"] = AttrValue.FromS(pk) };

    [Fact]
    public async Task Expired_items_vanish_from_reads_at_once_and_are_deleted_with_service_REMOVE_records()
    {
        var table = await fixture.Tables.CreateTableAsync(new TableDefinition
        {
            Name = "ttl-sweep",
            KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), null),
            AttributeDefinitions = [new KeyAttribute("pk", AttrType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Stream = new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES),
        });
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        for (var i = 0; i < 20; i++) await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Item($"old{i}", now - 10) });
        for (var i = 0; i < 20; i++) await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Item($"new{i}", now + 3600) });
        for (var i = 0; i < 5; i++) await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Item($"none{i}", null) });
        // Expiry times more than five years in the past are not expiry times.
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Item("ancient", now - 6L * 365 * 24 * 3600) });
        Assert.Equal(46, await CountAsync(table.Name));

        await fixture.Tables.UpdateTimeToLiveAsync(table.Name, new TimeToLiveSpecification(true, "expires"));
        Assert.Equal("expires", await fixture.Tables.DescribeTimeToLiveAsync(table.Name));
        Assert.Null((await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = Item("old3", null) })).Item);
        Assert.NotNull((await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = Item("new3", null) })).Item);
        Assert.Equal(26, await CountAsync(table.Name));
        // An expired item is absent to conditions too: a put that demands absence replaces it.
        await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Item("old0", now + 3600), ConditionExpression = "attribute_not_exists(pk)" });

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await StoredCountAsync(table) > 27)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expired items still stored: {await StoredCountAsync(table)} items");
            await Task.Delay(100);
        }

        var records = await StreamRecordsAsync(table);
        var serviceRemoves = records.Where(r => r.ByService).ToList();
        Assert.Equal(20, serviceRemoves.Count);
        Assert.All(serviceRemoves, r => Assert.Equal("REMOVE", r.EventName));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"old{i}").Order(), serviceRemoves.Select(r => r.Keys["pk"].Text!).Order());
        // The replaced item: its expiry first, then the new item.
        Assert.Equal(["INSERT", "REMOVE", "INSERT"], records.Where(r => r.Keys["pk"].Text == "old0").Select(r => r.EventName));
    }

    [Fact]
    public async Task Enabling_twice_or_on_another_attribute_fails_as_AWS_does()
    {
        var table = await PartitioningTests.CreateTable(fixture, "ttl-rules");
        var disabled = await Assert.ThrowsAsync<Errors.DynamoException>(() => fixture.Tables.UpdateTimeToLiveAsync(table.Name, new TimeToLiveSpecification(false, "t")));
        Assert.Equal("TimeToLive is already disabled", disabled.Message);
        await fixture.Tables.UpdateTimeToLiveAsync(table.Name, new TimeToLiveSpecification(true, "t"));
        var again = await Assert.ThrowsAsync<Errors.DynamoException>(() => fixture.Tables.UpdateTimeToLiveAsync(table.Name, new TimeToLiveSpecification(true, "t")));
        Assert.Equal("TimeToLive is already enabled", again.Message);
        var other = await Assert.ThrowsAsync<Errors.DynamoException>(() => fixture.Tables.UpdateTimeToLiveAsync(table.Name, new TimeToLiveSpecification(true, "u")));
        Assert.Equal("TimeToLive is active on a different AttributeName: current AttributeName is t", other.Message);
        await fixture.Tables.UpdateTimeToLiveAsync(table.Name, new TimeToLiveSpecification(false, "t"));
        Assert.Null(await fixture.Tables.DescribeTimeToLiveAsync(table.Name));
    }

    private async Task<int> CountAsync(string table)
    {
        var count = 0;
        Dictionary<string, AttrValue>? start = null;
        do
        {
            var page = await fixture.Tables.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start });
            count += page.Items.Count;
            start = page.LastEvaluatedKey is { Count: > 0 } last ? new Dictionary<string, AttrValue>(last) : null;
        } while (start is not null);
        return count;
    }

    private static async Task<int> StoredCountAsync(TableDescription table) =>
        (await ClusterFixture.SharedStore.ReadRangeAsync(table.Id, KeyRange.All, false, 10_000)).Count;

    private static async Task<List<StreamRecord>> StreamRecordsAsync(TableDescription table)
    {
        var records = new List<StreamRecord>();
        for (var partition = 0; partition < table.Partitions.Count; partition++)
            foreach (var change in await ClusterFixture.SharedStore.ReadChangesAsync(table.Id, StreamLog.NameOf(table.LatestStreamLabel!, partition), 0, 10_000))
                records.Add(StreamRecordCodec.Decode(change.Sequence, change.Payload));
        return records.OrderBy(r => r.CreatedMs).ThenBy(r => r.SequenceNumber).ToList();
    }
}
