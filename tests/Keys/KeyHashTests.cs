using System.Text;
using DataTier.Keys;
using DataTier.Model;
using DataTier.Tables;
using Xunit;

namespace DataTier.Tests.Keys;

public class KeyHashTests
{
    [Fact]
    public void Hash_is_stable_across_processes_and_versions()
    {
        // Pinned values: a change here would move every stored item to another partition.
        Assert.Equal(0xEF46DB3751D8E999UL, KeyHash.Compute([]));
        Assert.Equal(KeyHash.Compute(Encoding.UTF8.GetBytes("user#1")), KeyHash.Compute(KeyBytes.Of(AttrValue.FromS("user#1"))));
        Assert.NotEqual(KeyHash.Compute(Encoding.UTF8.GetBytes("a")), KeyHash.Compute(Encoding.UTF8.GetBytes("b")));
    }

    [Fact]
    public void Equal_numbers_in_different_notations_hash_alike()
    {
        var a = KeyHash.Compute(KeyBytes.Of(AttrValue.FromN("1.50")));
        var b = KeyHash.Compute(KeyBytes.Of(AttrValue.FromN("15E-1")));
        var c = KeyHash.Compute(KeyBytes.Of(AttrValue.FromN("1.500000")));
        Assert.Equal(a, b);
        Assert.Equal(a, c);
        Assert.Equal(KeyHash.Compute(KeyBytes.Of(AttrValue.FromN("-0"))), KeyHash.Compute(KeyBytes.Of(AttrValue.FromN("0"))));
    }

    [Fact]
    public void Partition_map_covers_the_hash_space_without_gaps()
    {
        var map = PartitionMap.Uniform(7);
        Assert.Equal(0UL, map.StartOf(0));
        Assert.Equal(ulong.MaxValue, map.EndOf(6));
        for (var i = 0; i < 6; i++) Assert.Equal(map.EndOf(i) + 1, map.StartOf(i + 1));
        Assert.Equal(0, map.PartitionOf(0));
        Assert.Equal(6, map.PartitionOf(ulong.MaxValue));
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(i, map.PartitionOf(map.StartOf(i)));
            Assert.Equal(i, map.PartitionOf(map.EndOf(i)));
        }
    }

    [Fact]
    public void Keys_spread_evenly_over_partitions()
    {
        var map = PartitionMap.Uniform(8);
        var counts = new int[8];
        for (var i = 0; i < 80_000; i++)
            counts[map.PartitionOf(KeyHash.Compute(Encoding.UTF8.GetBytes($"key-{i}")))]++;
        Assert.All(counts, c => Assert.InRange(c, 9_000, 11_000));
    }
}
