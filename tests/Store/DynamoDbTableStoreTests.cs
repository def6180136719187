using DataTier.Model;
using DataTier.Store;
using DataTier.Store.DynamoDb;
using DataTier.Tests.Peers;
using Xunit;

namespace DataTier.Tests.Store;

/// <summary>The store conformance suite against <see cref="DynamoDbTableStore"/> on dynalite (batch-intent protocol), plus large values.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbTableStoreTests(DynaliteFixture dynalite) : TableStoreConformanceTests, IDisposable
{
    // One backing table for the whole class: every test uses fresh table ids.
    private static readonly string Prefix = "conf" + Guid.NewGuid().ToString("N")[..8] + "-";
    private DynamoDbTableStore? _store;

    protected override ITableStore Store => _store ??= new DynamoDbTableStore(dynalite.Options<DynamoDbStoreOptions>(o => o.TablePrefix = Prefix));

    [Fact]
    public async Task Items_and_batches_larger_than_a_dynamodb_item_round_trip()
    {
        var table = Guid.NewGuid();
        var big = AttrValue.FromB(Enumerable.Range(0, 390_000).Select(i => (byte)(i * 7)).ToArray());
        await Store.WriteAsync(table, [new ItemWrite([1], 0, 1, new Dictionary<string, AttrValue> { ["b"] = big })]);
        Assert.Equal(big, (await Store.GetAsync(table, [1]))!.Attributes["b"]);

        var bigger = AttrValue.FromS(new string('x', 399_000));
        await Store.WriteAsync(table,
            [new ItemWrite([1], 1, 2, new Dictionary<string, AttrValue> { ["s"] = bigger }), new ItemWrite([2], 0, 1, new Dictionary<string, AttrValue> { ["b"] = big })],
            [new ChangeRecord("p", 1, new byte[700_000])]);
        Assert.Equal(bigger, (await Store.GetAsync(table, [1]))!.Attributes["s"]);
        Assert.Equal(2, (await Store.ReadRangeAsync(table, KeyRange.All, false, 10)).Count);
        Assert.Equal(700_000, (await Store.ReadChangesAsync(table, "p", 0, 10)).Single().Payload.Length);
        await Store.WriteAsync(table, [new ItemWrite([1], 2, 0, null)]);
        Assert.Null(await Store.GetAsync(table, [1]));
    }

    [Fact]
    public async Task Concurrent_batches_over_the_same_items_never_both_apply()
    {
        var table = Guid.NewGuid();
        var wins = 0;
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await Store.WriteAsync(table,
                    [new ItemWrite([(byte)(1 + i % 2)], 0, 1, Item(i)), new ItemWrite([3], 0, 1, Item(i)), new ItemWrite([(byte)(4 + i % 3)], 0, 1, Item(i))],
                    [new ChangeRecord("p", 1, [(byte)i])]);
                Interlocked.Increment(ref wins);
            }
            catch (VersionConflictException)
            {
            }
        })));
        Assert.Equal(1, wins);
        var winner = (await Store.GetAsync(table, [3]))!.Attributes["v"];
        var items = await Store.ReadRangeAsync(table, KeyRange.All, false, 10);
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal(winner, i.Attributes["v"]));
        Assert.Equal(winner.Text, (await Store.ReadChangesAsync(table, "p", 0, 10)).Single().Payload[0].ToString());
    }

    private static Dictionary<string, AttrValue> Item(int i) => new() { ["v"] = AttrValue.FromS(i.ToString()) };

    public void Dispose() => _store?.Dispose();
}
