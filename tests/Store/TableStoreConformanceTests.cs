using DataTier.Model;
using DataTier.Store;
using Xunit;

namespace DataTier.Tests.Store;

/// <summary>The behaviour every <see cref="ITableStore"/> must have; each store runs this suite.</summary>
public abstract class TableStoreConformanceTests
{
    protected abstract ITableStore Store { get; }

    private static readonly Guid Table = Guid.NewGuid();

    private static byte[] Pos(params byte[] b) => b;

    private static Dictionary<string, AttrValue> Item(string v) => new() { ["v"] = AttrValue.FromS(v) };

    [Fact]
    public async Task Write_then_get_returns_item_and_version()
    {
        var table = Guid.NewGuid();
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("a"))]);
        var stored = await Store.GetAsync(table, Pos(1));
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal(AttrValue.FromS("a"), stored.Attributes["v"]);
        Assert.Null(await Store.GetAsync(table, Pos(2)));
    }

    [Fact]
    public async Task Write_with_wrong_expected_version_is_refused_and_changes_nothing()
    {
        var table = Guid.NewGuid();
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("a"))]);
        var e = await Assert.ThrowsAsync<VersionConflictException>(() => Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("b"))]).AsTask());
        Assert.Equal(1, e.Actual);
        await Assert.ThrowsAsync<VersionConflictException>(() => Store.WriteAsync(table, [new ItemWrite(Pos(1), 5, 6, Item("b"))]).AsTask());
        Assert.Equal(AttrValue.FromS("a"), (await Store.GetAsync(table, Pos(1)))!.Attributes["v"]);
    }

    [Fact]
    public async Task Batch_is_all_or_nothing()
    {
        var table = Guid.NewGuid();
        await Store.WriteAsync(table, [new ItemWrite(Pos(2), 0, 1, Item("x"))]);
        var batch = new[] { new ItemWrite(Pos(1), 0, 1, Item("a")), new ItemWrite(Pos(2), 0, 1, Item("b")) };
        await Assert.ThrowsAsync<VersionConflictException>(() => Store.WriteAsync(table, batch, [new ChangeRecord("log", 1, [9])]).AsTask());
        Assert.Null(await Store.GetAsync(table, Pos(1)));
        Assert.Equal(AttrValue.FromS("x"), (await Store.GetAsync(table, Pos(2)))!.Attributes["v"]);
        Assert.Empty(await Store.ReadChangesAsync(table, "log", 0, 10));
    }

    [Fact]
    public async Task Count_gives_the_items_of_a_range_and_their_size_by_dynamodb_rules()
    {
        var table = Guid.NewGuid();
        var items = Enumerable.Range(1, 9).ToDictionary(i => (byte)i, i => new Dictionary<string, AttrValue>
        {
            ["v"] = AttrValue.FromS(new string('x', i)),
            ["n"] = AttrValue.FromN(i * 1000),
            ["l"] = AttrValue.FromL([AttrValue.FromNS(["1", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]), AttrValue.Null]),
        });
        await Store.WriteAsync(table, [.. items.Select(p => new ItemWrite(Pos(p.Key), 0, 1, p.Value))]);
        await Store.WriteAsync(table, [new ItemWrite(Pos(2, 7), 0, 1, Item("extended"))],
            indexEntries: [new IndexEntryWrite("byV", Pos(4), 1, Item("e1")), new IndexEntryWrite("byV", Pos(6), 1, Item("entry2"))]);
        long Size(params byte[] keys) => keys.Sum(k => (long)ItemSize.Of(items[k]));

        Assert.Equal((10L, Size(1, 2, 3, 4, 5, 6, 7, 8, 9) + ItemSize.Of(Item("extended"))), await Store.CountAsync(table, KeyRange.All));
        Assert.Equal((4L, Size(4, 5, 6, 7)), await Store.CountAsync(table, new KeyRange(Pos(3), false, Pos(7), true)));
        // An inclusive end excludes the longer positions it prefixes, as reads do; an open start takes them.
        Assert.Equal((1L, Size(2)), await Store.CountAsync(table, new KeyRange(Pos(2), true, Pos(2), true)));
        Assert.Equal((1L, (long)ItemSize.Of(Item("extended"))), await Store.CountAsync(table, new KeyRange(Pos(2), false, Pos(3), false)));
        Assert.Equal((1L, (long)ItemSize.Of(Item("entry2"))), await Store.CountAsync(table, new KeyRange(Pos(5), true, null, true), "byV"));
        Assert.Equal((0L, 0L), await Store.CountAsync(Guid.NewGuid(), KeyRange.All));
    }

    [Fact]
    public async Task Delete_removes_item_and_resets_version()
    {
        var table = Guid.NewGuid();
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("a"))]);
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 1, 0, null)]);
        Assert.Null(await Store.GetAsync(table, Pos(1)));
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("again"))]);
    }

    [Fact]
    public async Task Range_reads_are_ordered_bounded_and_reversible()
    {
        var table = Guid.NewGuid();
        for (byte i = 1; i <= 9; i++) await Store.WriteAsync(table, [new ItemWrite(Pos(i), 0, 1, Item(i.ToString()))]);
        await Store.WriteAsync(Guid.NewGuid(), [new ItemWrite(Pos(5), 0, 1, Item("other table"))]);

        var all = await Store.ReadRangeAsync(table, KeyRange.All, false, 100);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => i.ToString()), all.Select(s => s.Attributes["v"].Text));

        var middle = await Store.ReadRangeAsync(table, new KeyRange(Pos(3), false, Pos(7), true), false, 100);
        Assert.Equal(["4", "5", "6", "7"], middle.Select(s => s.Attributes["v"].Text!));

        var reversed = await Store.ReadRangeAsync(table, new KeyRange(Pos(3), true, Pos(7), false), true, 2);
        Assert.Equal(["6", "5"], reversed.Select(s => s.Attributes["v"].Text!));

        var extended = await Store.ReadRangeAsync(table, new KeyRange(Pos(2), true, Pos(2), true), false, 10);
        Assert.Single(extended);
    }

    [Fact]
    public async Task Inclusive_end_excludes_longer_positions_with_that_prefix()
    {
        var table = Guid.NewGuid();
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("a"))]);
        await Store.WriteAsync(table, [new ItemWrite(Pos(1, 0), 0, 1, Item("b"))]);
        await Store.WriteAsync(table, [new ItemWrite(Pos(1, 5), 0, 1, Item("c"))]);
        var upTo = await Store.ReadRangeAsync(table, new KeyRange(null, true, Pos(1), true), false, 10);
        Assert.Equal(["a"], upTo.Select(s => s.Attributes["v"].Text!));
        var reverse = await Store.ReadRangeAsync(table, new KeyRange(Pos(1), false, null, true), true, 10);
        Assert.Equal(["c", "b"], reverse.Select(s => s.Attributes["v"].Text!));
    }

    [Fact]
    public async Task Change_records_are_kept_in_sequence_order_per_log()
    {
        var table = Guid.NewGuid();
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("a"))], [new ChangeRecord("p0", 2, [2]), new ChangeRecord("p0", 1, [1]), new ChangeRecord("p1", 1, [7])]);
        var p0 = await Store.ReadChangesAsync(table, "p0", 0, 10);
        Assert.Equal([1L, 2L], p0.Select(c => c.Sequence));
        Assert.Equal([2L], (await Store.ReadChangesAsync(table, "p0", 2, 10)).Select(c => c.Sequence));
        Assert.Single(await Store.ReadChangesAsync(table, "p1", 0, 10));
    }

    [Fact]
    public async Task A_log_knows_its_last_sequence_and_trims_below_a_sequence()
    {
        var table = Guid.NewGuid();
        Assert.Equal(0, await Store.LastChangeSequenceAsync(table, "p0"));
        await Store.WriteAsync(table, [], [new ChangeRecord("p0", 3, [3]), new ChangeRecord("p0", 7, [7]), new ChangeRecord("p00", 9, [9]), new ChangeRecord("p1", 12, [1])]);
        Assert.Equal(7, await Store.LastChangeSequenceAsync(table, "p0"));
        Assert.Equal(12, await Store.LastChangeSequenceAsync(table, "p1"));
        await Store.TrimChangesAsync(table, "p0", 7);
        Assert.Equal([7L], (await Store.ReadChangesAsync(table, "p0", 0, 10)).Select(c => c.Sequence));
        Assert.Single(await Store.ReadChangesAsync(table, "p00", 0, 10));
        Assert.Equal(7, await Store.LastChangeSequenceAsync(table, "p0"));
    }

    [Fact]
    public async Task Deleting_table_data_removes_only_that_table()
    {
        var table = Guid.NewGuid();
        var other = Guid.NewGuid();
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("a"))], [new ChangeRecord("p", 1, [1])]);
        await Store.WriteAsync(other, [new ItemWrite(Pos(1), 0, 1, Item("b"))]);
        await Store.DeleteTableDataAsync(table);
        Assert.Null(await Store.GetAsync(table, Pos(1)));
        Assert.Empty(await Store.ReadRangeAsync(table, KeyRange.All, false, 10));
        Assert.Empty(await Store.ReadChangesAsync(table, "p", 0, 10));
        Assert.NotNull(await Store.GetAsync(other, Pos(1)));
    }

    [Fact]
    public async Task Deleting_table_data_resets_item_versions()
    {
        var table = Guid.NewGuid();
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("a"))]);
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 1, 2, Item("b"))]);
        await Store.DeleteTableDataAsync(table);
        var e = await Assert.ThrowsAsync<VersionConflictException>(() => Store.WriteAsync(table, [new ItemWrite(Pos(1), 2, 3, Item("c"))]).AsTask());
        Assert.Equal(0, e.Actual);
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("new"))]);
        Assert.Equal(AttrValue.FromS("new"), (await Store.GetAsync(table, Pos(1)))!.Attributes["v"]);
    }

    [Fact]
    public async Task Catalog_entries_are_stored_replaced_and_removed()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        await Store.PutCatalogEntryAsync(name, [1, 2]);
        Assert.Equal(new byte[] { 1, 2 }, (await Store.ReadCatalogAsync())[name]);
        await Store.PutCatalogEntryAsync(name, [3]);
        Assert.Equal(new byte[] { 3 }, (await Store.ReadCatalogAsync())[name]);
        await Store.PutCatalogEntryAsync(name, null);
        Assert.False((await Store.ReadCatalogAsync()).ContainsKey(name));
    }

    [Fact]
    public async Task Concurrent_conditional_writers_never_both_win()
    {
        var table = Guid.NewGuid();
        var wins = 0;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item(i.ToString()))]);
                Interlocked.Increment(ref wins);
            }
            catch (VersionConflictException)
            {
            }
        })));
        Assert.Equal(1, wins);
    }

    [Fact]
    public async Task Every_attribute_type_round_trips()
    {
        var table = Guid.NewGuid();
        var item = new Dictionary<string, AttrValue>
        {
            ["s"] = AttrValue.FromS("héllo"),
            ["n"] = AttrValue.FromN("-1.23456789012345678901234567890123456E-100"),
            ["b"] = AttrValue.FromB([0, 1, 255]),
            ["t"] = AttrValue.True,
            ["z"] = AttrValue.Null,
            ["l"] = AttrValue.FromL([AttrValue.FromS("x"), AttrValue.FromL([])]),
            ["m"] = AttrValue.FromM(new Dictionary<string, AttrValue> { ["inner"] = AttrValue.FromN("5") }),
            ["ss"] = AttrValue.FromSS(["a", "b"]),
            ["ns"] = AttrValue.FromNS(["1", "2.5"]),
            ["bs"] = AttrValue.FromBS([[1], [2, 3]]),
        };
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, item)]);
        var stored = (await Store.GetAsync(table, Pos(1)))!.Attributes;
        Assert.Equal(item.Count, stored.Count);
        foreach (var (k, v) in item) Assert.Equal(v, stored[k]);
    }

    [Fact]
    public async Task Index_entries_are_written_with_the_batch_apart_from_items()
    {
        var table = Guid.NewGuid();
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("a"))], null,
            [new IndexEntryWrite("byV", Pos(5, 1), 1, Item("a")), new IndexEntryWrite("byV", Pos(3), 1, Item("c")), new IndexEntryWrite("other", Pos(4), 1, Item("o"))]);
        var entries = await Store.ReadIndexRangeAsync(table, "byV", KeyRange.All, false, 10);
        Assert.Equal([Pos(3), Pos(5, 1)], entries.Select(e => e.Position));
        Assert.Equal(AttrValue.FromS("c"), entries[0].Attributes["v"]);
        Assert.Equal(1, entries[0].Version);
        Assert.Equal([Pos(5, 1), Pos(3)], (await Store.ReadIndexRangeAsync(table, "byV", KeyRange.All, true, 10)).Select(e => e.Position));
        Assert.Equal([Pos(5, 1)], (await Store.ReadIndexRangeAsync(table, "byV", new KeyRange(Pos(3), false, null, true), false, 10)).Select(e => e.Position));
        Assert.Single(await Store.ReadIndexRangeAsync(table, "other", KeyRange.All, false, 10));
        // Items and index entries do not see each other.
        Assert.Equal([Pos(1)], (await Store.ReadRangeAsync(table, KeyRange.All, false, 10)).Select(i => i.Position));
        Assert.Null(await Store.GetAsync(table, Pos(3)));
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 1, 2, Item("b"))], null, [new IndexEntryWrite("byV", Pos(3), 0, null), new IndexEntryWrite("byV", Pos(9), 0, null)]);
        Assert.Equal([Pos(5, 1)], (await Store.ReadIndexRangeAsync(table, "byV", KeyRange.All, false, 10)).Select(e => e.Position));
    }

    [Fact]
    public async Task A_refused_batch_writes_no_index_entry_and_deleting_the_table_removes_them()
    {
        var table = Guid.NewGuid();
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("a"))]);
        await Assert.ThrowsAsync<VersionConflictException>(() =>
            Store.WriteAsync(table, [new ItemWrite(Pos(1), 0, 1, Item("b"))], null, [new IndexEntryWrite("i", Pos(1), 1, Item("b"))]).AsTask());
        Assert.Empty(await Store.ReadIndexRangeAsync(table, "i", KeyRange.All, false, 10));
        await Store.WriteAsync(table, [new ItemWrite(Pos(1), 1, 2, Item("b"))], null, [new IndexEntryWrite("i", Pos(1), 2, Item("b"))]);
        await Store.DeleteTableDataAsync(table);
        Assert.Empty(await Store.ReadIndexRangeAsync(table, "i", KeyRange.All, false, 10));
    }
}
