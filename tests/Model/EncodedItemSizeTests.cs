using DataTier.Model;
using DataTier.Tests.Expressions.Properties;
using FsCheck.Fluent;
using Xunit;

namespace DataTier.Tests.Model;

/// <summary>The size read from an item's encoding is the size of the item itself, for every type and nesting.</summary>
public class EncodedItemSizeTests
{
    [Fact]
    public void Size_of_the_encoding_equals_the_size_of_the_item_for_generated_items()
    {
        var items = ValueGenerators.Item.Sample(1000);
        Assert.Equal(1000, items.Length);
        foreach (var item in items)
            Assert.Equal(ItemSize.Of(item), EncodedItemSize.Of(ItemCodec.Encode(item)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("-0.001")]
    [InlineData("12345678901234567890123456789012345678")]
    [InlineData("1E+125")]
    [InlineData("-9.9999999999999999999999999999999999999E+125")]
    [InlineData("1E-130")]
    public void Numbers_measure_alike_encoded_and_decoded(string number)
    {
        var item = new Dictionary<string, AttrValue>
        {
            ["n"] = AttrValue.FromN(number),
            ["ns"] = AttrValue.FromNS([AttrValue.FromN(number).Text!, "7"]),
            ["nested"] = AttrValue.FromM(new Dictionary<string, AttrValue> { ["l"] = AttrValue.FromL([AttrValue.FromN(number), AttrValue.Null]) }),
        };
        Assert.Equal(ItemSize.Of(item), EncodedItemSize.Of(ItemCodec.Encode(item)));
    }

    [Fact]
    public void An_item_of_every_type_measures_by_dynamodb_rules()
    {
        var item = new Dictionary<string, AttrValue>
        {
            ["s"] = AttrValue.FromS("é\U0001F600"), // 1 + 2 + 4
            ["b"] = AttrValue.FromB([1, 2, 3]), // 1 + 3
            ["t"] = AttrValue.True, // 1 + 1
            ["z"] = AttrValue.Null, // 1 + 1
            ["ss"] = AttrValue.FromSS(["a", "bc"]), // 2 + 3
            ["bs"] = AttrValue.FromBS([[1], [2, 3]]), // 2 + 3
            ["l"] = AttrValue.FromL([AttrValue.FromS("x")]), // 1 + 3 + 1 + 1
            ["m"] = AttrValue.FromM(new Dictionary<string, AttrValue> { ["k"] = AttrValue.FromS("v") }), // 1 + 3 + 1 + 1 + 1
        };
        Assert.Equal(7 + 4 + 2 + 2 + 5 + 5 + 6 + 7, EncodedItemSize.Of(ItemCodec.Encode(item)));
    }
}
