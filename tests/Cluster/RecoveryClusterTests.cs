using DataTier.Catalog;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Recovery;
using DataTier.Store;
using DataTier.Tables;
using Xunit;

namespace DataTier.Tests.Cluster;

/// <summary>
/// Point-in-time recovery on the three-silo cluster: the recovery grain's image of a moment is the table
/// as it was then, across writes made while the logs were seeded, a partition split, and a fold of the
/// older records into the base image.
/// </summary>
[Collection("cluster")]
public class RecoveryClusterTests(ClusterFixture fixture)
{
    private ITableCatalogGrain Catalog => fixture.Cluster.Client.GetGrain<ITableCatalogGrain>(0);

    private static Dictionary<string, AttrValue> Item(int key, string value) =>
        new() { ["pk"] = AttrValue.FromS($"k{key}"), ["v"] = AttrValue.FromS(value) };

    private Task Put(string table, int key, string value) =>
        fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table, Item = Item(key, value) });

    private Task Delete(string table, int key) =>
        fixture.Tables.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS($"k{key}") } });

    /// <summary>The table's items as a scan sees them now, rendered and sorted.</summary>
    private async Task<List<string>> ScanAsync(string table)
    {
        var items = new List<string>();
        IReadOnlyDictionary<string, AttrValue>? start = null;
        do
        {
            var page = await fixture.Tables.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true, ExclusiveStartKey = start });
            items.AddRange(page.Items.Select(Render));
            start = page.LastEvaluatedKey;
        }
        while (start is not null);
        return [.. items.Order(StringComparer.Ordinal)];
    }

    private static string Render(IReadOnlyDictionary<string, AttrValue> item) =>
        string.Join(",", item.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));

    /// <summary>The recovery grain's image of <paramref name="point"/> (null: now), read back from the store and removed.</summary>
    private async Task<List<string>> ImageAsync(TableDescription table, DateTimeOffset? point)
    {
        var id = Guid.NewGuid();
        await fixture.Cluster.Client.GetGrain<IRecoveryGrain>(table.Id).Materialize(point, id);
        var items = new List<string>();
        await foreach (var page in ClusterFixture.SharedStore.PagesAsync(id, KeyRange.All, 500))
            items.AddRange(page.Select(i => Render(i.Attributes)));
        await ClusterFixture.SharedStore.DeleteTableDataAsync(id);
        return [.. items.Order(StringComparer.Ordinal)];
    }

    /// <summary>A moment strictly after every write so far and strictly before any write to come (records carry milliseconds).</summary>
    private static async Task<DateTimeOffset> MomentAsync()
    {
        await Task.Delay(5);
        var moment = DateTimeOffset.UtcNow;
        await Task.Delay(5);
        return moment;
    }

    private async Task<TableDescription> EnableAsync(string name)
    {
        var table = await Catalog.UpdateContinuousBackups(name, enabled: true, recoveryPeriodInDays: null);
        await fixture.Cluster.Client.GetGrain<IRecoveryGrain>(table.Id).Seed();
        return (await Catalog.Describe(name))!;
    }

    private async Task<string> CreateTableAsync(int items)
    {
        var name = "pitr-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Tables.CreateTableAsync(new TableDefinition
        {
            Name = name,
            KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), null),
            AttributeDefinitions = [new KeyAttribute("pk", AttrType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        for (var i = 0; i < items; i++) await Put(name, i, "original");
        return name;
    }

    [Fact]
    public async Task Images_of_moments_survive_writes_during_seeding_a_split_and_a_fold()
    {
        var name = await CreateTableAsync(200);
        // Writes go on while the partitions seed their logs; none of them may be lost.
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++) await Put(name, i % 250, $"during-{i}");
        });
        var table = await EnableAsync(name);
        await stop.CancelAsync();
        await writer;
        Assert.NotNull(table.Recovery!.EarliestRestorableTime);
        Assert.Equal(await ScanAsync(name), await ImageAsync(table, null));

        for (var i = 0; i < 60; i++) await Put(name, i, "first");
        for (var i = 60; i < 80; i++) await Delete(name, i);
        for (var i = 300; i < 320; i++) await Put(name, i, "first");
        var first = await MomentAsync();
        var atFirst = await ScanAsync(name);

        Assert.True(await Catalog.SplitPartition(name, table.Partitions.IdOf(DataTier.Keys.KeyHash.Compute(DataTier.Keys.KeyBytes.Of(AttrValue.FromS("k1"))))));
        for (var i = 0; i < 30; i++) await Put(name, i, "second");
        for (var i = 300; i < 310; i++) await Delete(name, i);
        for (var i = 60; i < 70; i++) await Put(name, i, "second");
        var second = await MomentAsync();
        var atSecond = await ScanAsync(name);
        await Put(name, 1, "third");
        var latest = await ScanAsync(name);
        table = (await Catalog.Describe(name))!;

        Assert.Equal(atFirst, await ImageAsync(table, first));
        Assert.Equal(atSecond, await ImageAsync(table, second));
        Assert.Equal(latest, await ImageAsync(table, null));

        // Fold everything before the first moment into the base image: it becomes the earliest restorable one.
        await fixture.Cluster.Client.GetGrain<IRecoveryGrain>(table.Id).Fold(first);
        while ((await Catalog.Describe(name))!.Recovery!.EarliestRestorableTime != first) await Task.Delay(20);
        Assert.Equal(atFirst, await ImageAsync(table, first));
        Assert.Equal(atSecond, await ImageAsync(table, second));
        Assert.Equal(latest, await ImageAsync(table, null));
        var refused = await Assert.ThrowsAsync<DynamoException>(() => ImageAsync(table, first.AddMilliseconds(-1)));
        Assert.Equal(DynamoErrorCode.InvalidRestoreTimeException, refused.Code);
        foreach (var id in table.Partitions.AllIds)
            Assert.All(await ClusterFixture.SharedStore.ReadChangesAsync(table.Id, RecoveryLog.NameOf(id), 0, 10_000),
                record => Assert.True(Streams.StreamRecordCodec.Decode(record.Sequence, record.Payload).CreatedMs >= first.ToUnixTimeMilliseconds()));
        Assert.NotEmpty(await ClusterFixture.SharedStore.ReadRangeAsync(RecoveryLog.BaseTableOf(table.Id), KeyRange.All, false, 1));
    }

    [Fact]
    public async Task Disabling_removes_the_logs_and_the_base_image_and_refuses_images()
    {
        var name = await CreateTableAsync(20);
        var table = await EnableAsync(name);
        for (var i = 0; i < 10; i++) await Put(name, i, "changed");
        var recovery = fixture.Cluster.Client.GetGrain<IRecoveryGrain>(table.Id);
        await recovery.Fold(DateTimeOffset.UtcNow);
        while ((await Catalog.Describe(name))!.Recovery!.EarliestRestorableTime < DateTimeOffset.UtcNow.AddSeconds(-5)) await Task.Delay(20);

        table = await Catalog.UpdateContinuousBackups(name, enabled: false, recoveryPeriodInDays: null);
        Assert.Null(table.Recovery);
        await recovery.Drop();
        foreach (var id in table.Partitions.AllIds)
            Assert.Empty(await ClusterFixture.SharedStore.ReadChangesAsync(table.Id, RecoveryLog.NameOf(id), 0, 10));
        Assert.Empty(await ClusterFixture.SharedStore.ReadRangeAsync(RecoveryLog.BaseTableOf(table.Id), KeyRange.All, false, 1));
        var refused = await Assert.ThrowsAsync<DynamoException>(() => ImageAsync(table, null));
        Assert.Equal(DynamoErrorCode.PointInTimeRecoveryUnavailableException, refused.Code);
        // Writes while disabled are not logged.
        await Put(name, 1, "unlogged");
        foreach (var id in table.Partitions.AllIds)
            Assert.Empty(await ClusterFixture.SharedStore.ReadChangesAsync(table.Id, RecoveryLog.NameOf(id), 0, 10));
    }
}
