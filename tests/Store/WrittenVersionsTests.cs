using System.Text;
using DataTier.Store;
using Xunit;

namespace DataTier.Tests.Store;

public sealed class WrittenVersionsTests
{
    [Fact]
    public void The_most_recently_written_keys_stay_known_when_the_capacity_is_passed()
    {
        var versions = new WrittenVersions(capacity: 4);
        for (var i = 1; i <= 9; i++) versions.Set(Key(i), i);
        Assert.True(versions.Count <= 4);
        foreach (var recent in new[] { 8, 9 })
        {
            Assert.True(versions.TryGet(Key(recent), out var v));
            Assert.Equal(recent, v);
        }
        foreach (var old in new[] { 1, 2, 3, 4, 5, 6 }) Assert.False(versions.TryGet(Key(old), out _));
    }

    [Fact]
    public void A_key_written_again_moves_to_the_newer_generation_and_survives_the_next_turnover()
    {
        var versions = Written(capacity: 4, 1, 2, 3);
        versions.Set(Key(1), 2);
        versions.Set(Key(4), 1);
        versions.Set(Key(5), 1);
        Assert.True(versions.TryGet(Key(1), out var v));
        Assert.Equal(2, v);
        Assert.False(versions.TryGet(Key(2), out _));
        Assert.Equal(4, versions.Count);
    }

    [Fact]
    public void A_removed_key_is_unknown_in_either_generation()
    {
        var versions = Written(capacity: 4, 1, 2, 3);
        versions.Remove(Key(1));
        versions.Remove(Key(3));
        Assert.False(versions.TryGet(Key(1), out _));
        Assert.False(versions.TryGet(Key(3), out _));
        Assert.True(versions.TryGet(Key(2), out _));
    }

    [Fact]
    public void Capacity_zero_keeps_nothing()
    {
        var versions = Written(capacity: 0, 1);
        Assert.False(versions.TryGet(Key(1), out _));
    }

    /// <summary>A store that has written version 1 of these keys, in this order.</summary>
    private static WrittenVersions Written(int capacity, params int[] keys)
    {
        var versions = new WrittenVersions(capacity);
        foreach (var key in keys) versions.Set(Key(key), 1);
        return versions;
    }

    private static byte[] Key(int i) => Encoding.UTF8.GetBytes("k" + i);
}
