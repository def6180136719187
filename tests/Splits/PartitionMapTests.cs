using System.Text.Json;
using DataTier.Tables;
using Xunit;

namespace DataTier.Tests.Splits;

public class PartitionMapTests
{
    [Fact]
    public void A_split_gives_the_children_fresh_ids_and_halves_of_the_range_and_keeps_the_history()
    {
        var map = PartitionMap.Uniform(4);
        Assert.Equal([0, 1, 2, 3], map.CurrentIds);
        var (first, last) = map.RangeOf(1)!.Value;
        var cut = first + (last - first) / 2 + 1;

        var split = map.Split(1, cut);
        Assert.Equal(2, split.Version);
        Assert.Equal([0, 4, 5, 2, 3], split.CurrentIds);
        Assert.Equal([0, 1, 2, 3, 4, 5], split.AllIds);
        Assert.True(split.IsRetired(1));
        Assert.Equal(-1, split.IndexOf(1));
        Assert.Equal((first, cut - 1), split.RangeOf(4));
        Assert.Equal((cut, last), split.RangeOf(5));
        Assert.Equal((first, last), split.RangeOf(1));
        Assert.Equal(1, split.ParentOf(4));
        Assert.Equal(1, split.ParentOf(5));
        Assert.Null(split.ParentOf(1));
        Assert.Equal(4, split.IdOf(first));
        Assert.Equal(4, split.IdOf(cut - 1));
        Assert.Equal(5, split.IdOf(cut));
        Assert.Equal(2, split.IdOf(last + 1));
        Assert.False(split.Knows(6));

        var again = split.Split(5, cut + (last - cut) / 2 + 1);
        Assert.Equal(3, again.Version);
        Assert.Equal([0, 4, 6, 7, 2, 3], again.CurrentIds);
        Assert.Equal(5, again.ParentOf(6));
        Assert.Equal(1, again.ParentOf(5));
        Assert.Throws<ArgumentException>(() => again.Split(1, cut));
        Assert.Throws<ArgumentOutOfRangeException>(() => again.Split(0, 0));
    }

    [Fact]
    public void A_catalog_entry_written_before_splits_existed_reads_as_a_map_whose_ids_are_its_indexes()
    {
        var old = JsonSerializer.Deserialize<PartitionMap>("""{"Version":1,"Starts":[0,9223372036854775808],"Count":2}""")!;
        Assert.Equal([0, 1], old.CurrentIds);
        Assert.Null(old.ParentOf(1));

        var split = old.Split(0, 1UL << 62);
        var roundTrip = JsonSerializer.Deserialize<PartitionMap>(JsonSerializer.Serialize(split))!;
        Assert.Equal(split.CurrentIds, roundTrip.CurrentIds);
        Assert.Equal(split.Splits, roundTrip.Splits);
        Assert.Equal(0, roundTrip.ParentOf(3));
    }
}
