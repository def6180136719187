using System.Text;
using DataTier.Keys;
using DataTier.Model;
using DataTier.Store;
using Xunit;

namespace DataTier.Tests.Keys;

public class SortKeyOrderTests
{
    [Fact]
    public void Strings_sort_by_utf8_bytes_not_utf16_code_units()
    {
        // U+FFFD is one UTF-16 unit above the surrogates of U+1F600, but its UTF-8 bytes (EF BF BD) sort below F0 9F 98 80.
        var replacement = AttrValue.FromS("\uFFFD");
        var emoji = AttrValue.FromS("\U0001F600");
        Assert.True(string.CompareOrdinal(replacement.Text, emoji.Text) > 0);
        Assert.True(KeyBytes.Compare(replacement, emoji) < 0);
        Assert.True(KeyBytes.Of(replacement).AsSpan().SequenceCompareTo(KeyBytes.Of(emoji)) < 0);
    }

    [Theory]
    [InlineData("a", "ab")]
    [InlineData("A", "a")]
    [InlineData("Z", "a")]
    [InlineData("a", "b")]
    [InlineData("", "a")]
    public void Strings_order_as_dynamodb_orders_them(string lower, string higher)
    {
        Assert.True(KeyBytes.Compare(AttrValue.FromS(lower), AttrValue.FromS(higher)) < 0);
        Assert.True(Position("p", lower).AsSpan().SequenceCompareTo(Position("p", higher)) < 0);
    }

    [Fact]
    public void Binary_sorts_as_unsigned_bytes()
    {
        var low = AttrValue.FromB([0x7F]);
        var high = AttrValue.FromB([0x80]);
        var longer = AttrValue.FromB([0x7F, 0x00]);
        Assert.True(KeyBytes.Compare(low, high) < 0);
        Assert.True(KeyBytes.Compare(low, longer) < 0);
        Assert.True(KeyBytes.Compare(longer, high) < 0);
    }

    [Fact]
    public void Numbers_sort_by_value_in_stored_positions()
    {
        string[] ordered = ["-1E+125", "-100", "-10", "-9.99", "-1", "-0.5", "-1E-130", "0", "1E-130", "0.5", "1", "1.5", "2", "9.99", "10", "10.01", "100", "1E+125"];
        var positions = ordered.Select(n => new ItemKey(1, [1], KeyBytes.Of(AttrValue.FromN(n))).Encode()).ToList();
        for (var i = 1; i < positions.Count; i++)
            Assert.True(positions[i - 1].AsSpan().SequenceCompareTo(positions[i]) < 0, $"{ordered[i - 1]} should sort before {ordered[i]}");
    }

    [Fact]
    public void Key_bytes_round_trip()
    {
        foreach (var v in new[] { AttrValue.FromS("héllo"), AttrValue.FromN("-12.5"), AttrValue.FromN("0"), AttrValue.FromB([0, 255, 3]) })
            Assert.Equal(v, KeyBytes.ToValue(v.Type, KeyBytes.Of(v)));
    }

    [Fact]
    public void Prefix_successor_is_the_first_string_after_every_extension()
    {
        Assert.Equal(new byte[] { 1, 3 }, KeyBytes.PrefixSuccessor([1, 2]));
        Assert.Equal(new byte[] { 2 }, KeyBytes.PrefixSuccessor([1, 0xFF]));
        Assert.Null(KeyBytes.PrefixSuccessor([0xFF, 0xFF]));
    }

    [Fact]
    public void Item_key_encoding_round_trips_and_groups_by_partition_key()
    {
        var key = new ItemKey(42, Encoding.UTF8.GetBytes("pk"), Encoding.UTF8.GetBytes("sk"));
        var decoded = ItemKey.Decode(key.Encode());
        Assert.Equal(42UL, decoded.Hash);
        Assert.Equal("pk", Encoding.UTF8.GetString(decoded.PartitionKey));
        Assert.Equal("sk", Encoding.UTF8.GetString(decoded.SortKey));
        Assert.True(key.Encode().AsSpan().StartsWith(ItemKey.EncodePartitionPrefix(42, Encoding.UTF8.GetBytes("pk"))));
        // "pk" + sort key "x" must not be confused with partition key "pkx".
        var other = new ItemKey(42, Encoding.UTF8.GetBytes("pkx"), []);
        Assert.False(other.Encode().AsSpan().StartsWith(ItemKey.EncodePartitionPrefix(42, Encoding.UTF8.GetBytes("pk"))));
    }

    private static byte[] Position(string pk, string sk) =>
        new ItemKey(7, Encoding.UTF8.GetBytes(pk), KeyBytes.Of(AttrValue.FromS(sk))).Encode();
}
