using System.Text;
using DataTier.Model;
using DataTier.Partitions;
using Xunit;

namespace DataTier.Tests.Storage;

public sealed class ItemCacheTests
{
    private static readonly Func<IReadOnlyDictionary<string, AttrValue>, byte[]> Encode = _ => new byte[500];

    [Fact]
    public void A_kept_encoding_counts_against_the_budget_once()
    {
        var cache = new ItemCache(capacityBytes: 100_000);
        var item = Item(1);
        cache.Set(Key(1), item, item.Size);
        var before = cache.Bytes;
        item.Encoded(Encode);
        item.Encoded(Encode);
        Assert.Equal(before + 500, cache.Bytes);
    }

    [Fact]
    public void Kept_encodings_evict_the_least_recently_used_items_past_the_budget()
    {
        var probe = new ItemCache(capacityBytes: 1_000_000);
        probe.Set(Key(0), Item(0), Item(0).Size);
        var entryBytes = probe.Bytes;
        var cache = new ItemCache(capacityBytes: entryBytes * 4);
        var items = Enumerable.Range(1, 4).Select(Item).ToArray();
        for (var i = 0; i < 4; i++) cache.Set(Key(i + 1), items[i], items[i].Size);
        Assert.Equal(4, cache.Count);
        items[3].Encoded(_ => new byte[entryBytes]);
        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet(Key(1), out _));
        Assert.True(cache.TryGet(Key(4), out _));
        Assert.True(cache.Bytes <= entryBytes * 4);
    }

    [Fact]
    public void An_item_read_since_the_clock_last_passed_outlives_one_that_was_not()
    {
        var probe = new ItemCache(capacityBytes: 1_000_000);
        probe.Set(Key(0), Item(0), Item(0).Size);
        var cache = new ItemCache(capacityBytes: probe.Bytes * 3);
        for (var i = 1; i <= 4; i++) cache.Set(Key(i), Item(i), Item(i).Size);
        // The fourth evicted the first; the second and third are unmarked now, and the second is read.
        Assert.False(cache.TryGet(Key(1), out _));
        Assert.True(cache.TryGet(Key(2), out _));
        cache.Set(Key(5), Item(5), Item(5).Size);
        Assert.False(cache.TryGet(Key(3), out _));
        Assert.True(cache.TryGet(Key(2), out _));
        Assert.True(cache.TryGet(Key(5), out _));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void A_write_of_a_cached_item_replaces_it_in_place_and_recounts_its_bytes()
    {
        var cache = new ItemCache(capacityBytes: 100_000);
        var first = Item(1);
        cache.Set(Key(1), first, first.Size);
        var withoutEncoding = cache.Bytes;
        var second = Item(1);
        cache.Set(Key(1), second, second.Size);
        Assert.Equal(1, cache.Count);
        Assert.Equal(withoutEncoding, cache.Bytes);
        Assert.True(cache.TryGet(Key(1), out var read));
        Assert.Same(second, read);
        // The replaced item's encoding, made late, is not counted; the new one's is.
        first.Encoded(Encode);
        Assert.Equal(withoutEncoding, cache.Bytes);
        second.Encoded(Encode);
        Assert.Equal(withoutEncoding + 500, cache.Bytes);
    }

    [Fact]
    public void An_encoding_made_after_its_item_left_the_cache_is_not_counted()
    {
        var cache = new ItemCache(capacityBytes: 100_000);
        var item = Item(1);
        cache.Set(Key(1), item, item.Size);
        cache.Invalidate(Key(1));
        item.Encoded(Encode);
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void An_evicted_item_does_not_keep_its_cache_alive()
    {
        var item = Item(1);
        var cache = CacheHolding(item);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.False(cache.TryGetTarget(out _));
        GC.KeepAlive(item);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference<ItemCache> CacheHolding(VersionedItem item)
    {
        var cache = new ItemCache(capacityBytes: 100_000);
        cache.Set(Key(1), item, item.Size);
        cache.Invalidate(Key(1));
        return new WeakReference<ItemCache>(cache);
    }

    [Fact]
    public void An_item_moved_with_its_encoding_is_counted_with_it_and_travels_at_its_own_size()
    {
        var parent = new ItemCache(capacityBytes: 100_000);
        var child = new ItemCache(capacityBytes: 100_000);
        var item = Item(1);
        parent.Set(Key(1), item, item.Size);
        item.Encoded(Encode);
        var counted = parent.Bytes;
        var taken = parent.Take(0, ulong.MaxValue);
        Assert.Equal(item.Size, Assert.Single(taken).Bytes);
        Assert.Equal(0, parent.Bytes);
        child.Import(taken);
        Assert.Equal(counted, child.Bytes);
    }

    private static VersionedItem Item(int i) =>
        new(1, new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("k" + i), ["v"] = AttrValue.FromS(new string('x', 100)) });

    private static byte[] Key(int i) => Encoding.UTF8.GetBytes("position-" + i);
}
