using DataTier.Model;
using DataTier.Recovery;
using DataTier.Store;
using DataTier.Streams;
using DataTier.Tables;
using Xunit;

namespace DataTier.Tests.Recovery;

/// <summary>Images of a moment built from hand-written recovery logs: prefixes, parents before children, folds.</summary>
public class RecoveryImageTests
{
    private readonly InMemoryTableStore _store = new();

    private static readonly TableKeySchema Schema = new(new KeyAttribute("pk", AttrType.S), null);

    /// <summary>Partition 0 was split into 1 and 2.</summary>
    private readonly TableDescription _table = new()
    {
        Name = "t",
        Id = Guid.NewGuid(),
        KeySchema = Schema,
        AttributeDefinitions = [new KeyAttribute("pk", AttrType.S)],
        Partitions = PartitionMap.Uniform(1).Split(0, 1UL << 63),
    };

    private readonly Dictionary<int, long> _sequences = [];

    /// <summary>Appends a record to a partition's log: the item's image after the change at <paramref name="ms"/> (null: removed).</summary>
    private async Task Log(int partition, long ms, string key, string? value)
    {
        var keys = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS(key) };
        var image = value is null ? null : new Dictionary<string, AttrValue>(keys) { ["v"] = AttrValue.FromS(value) };
        var sequence = _sequences[partition] = _sequences.GetValueOrDefault(partition) + 1;
        var record = new StreamRecord(image is null ? "REMOVE" : "MODIFY", sequence, ms, keys, image, null, 0, StreamViewType.NEW_IMAGE, false);
        await _store.WriteAsync(_table.Id, [], [new ChangeRecord(RecoveryLog.NameOf(partition), sequence, StreamRecordCodec.Encode(record))]);
    }

    private async Task<string> Image(long pointMs)
    {
        var target = Guid.NewGuid();
        await RecoveryImage.MaterializeAsync(_store, _table, pointMs, target);
        var items = await _store.ReadRangeAsync(target, KeyRange.All, false, 1000);
        return string.Join(" ", items.Select(i => $"{i.Attributes["pk"].Text}={i.Attributes["v"].Text}").Order(StringComparer.Ordinal));
    }

    private async Task History()
    {
        await Log(0, 100, "a", "a1");
        await Log(0, 100, "b", "b1");
        await Log(0, 200, "a", "a2");
        await Log(0, 300, "b", null);
        // After the split: the children's records.
        await Log(1, 400, "a", "a3");
        await Log(2, 400, "c", "c1");
        await Log(1, 500, "b", "b2");
    }

    [Fact]
    public async Task An_image_holds_each_items_last_image_up_to_the_moment_parents_before_children()
    {
        await History();
        Assert.Equal("", await Image(99));
        Assert.Equal("a=a1 b=b1", await Image(100));
        Assert.Equal("a=a2 b=b1", await Image(299));
        Assert.Equal("a=a2", await Image(300));
        Assert.Equal("a=a3 c=c1", await Image(450));
        Assert.Equal("a=a3 b=b2 c=c1", await Image(10_000));
    }

    [Fact]
    public async Task A_fold_leaves_every_image_from_its_horizon_on_unchanged_and_trims_what_it_folded()
    {
        await History();
        var before = new Dictionary<long, string>();
        foreach (var point in (long[])[300, 450, 10_000]) before[point] = await Image(point);
        await RecoveryImage.FoldAsync(_store, _table, 300);
        foreach (var (point, image) in before) Assert.Equal(image, await Image(point));
        var left = await _store.ReadChangesAsync(_table.Id, RecoveryLog.NameOf(0), 0, 10);
        Assert.Equal([4L], left.Select(r => r.Sequence));
        await RecoveryImage.FoldAsync(_store, _table, 450);
        foreach (var (point, image) in before) if (point >= 450) Assert.Equal(image, await Image(point));
        Assert.Empty(await _store.ReadChangesAsync(_table.Id, RecoveryLog.NameOf(0), 0, 10));
        Assert.Single(await _store.ReadChangesAsync(_table.Id, RecoveryLog.NameOf(1), 0, 10));
    }

    [Fact]
    public async Task A_log_is_applied_up_to_its_first_record_after_the_moment_even_if_a_clock_stepped_back()
    {
        await Log(0, 100, "a", "a1");
        await Log(0, 300, "a", "a2");
        // This silo's clock stepped back: applying this record without the one before would put a3 before a2.
        await Log(0, 200, "a", "a3");
        Assert.Equal("a=a1", await Image(250));
        Assert.Equal("a=a3", await Image(300));
    }

    [Fact]
    public async Task Dropping_removes_the_logs_and_the_base_image()
    {
        await History();
        await RecoveryImage.FoldAsync(_store, _table, 450);
        await RecoveryImage.DropAsync(_store, _table);
        foreach (var id in _table.Partitions.AllIds) Assert.Empty(await _store.ReadChangesAsync(_table.Id, RecoveryLog.NameOf(id), 0, 10));
        Assert.Equal("", await Image(10_000));
    }
}
