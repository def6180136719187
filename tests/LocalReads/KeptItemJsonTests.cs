using DataTier.Model;
using DataTier.Partitions;
using Xunit;

namespace DataTier.Tests.LocalReads;

/// <summary>An item's kept encoding (what the endpoint writes for a GetItem answered from memory) is made once per item version and never outlives it.</summary>
public sealed class KeptItemJsonTests
{
    private static VersionedItem Item(long version, string value) =>
        new(version, new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("k"), ["v"] = AttrValue.FromS(value) });

    [Fact]
    public void An_item_is_encoded_once_and_its_copies_encode_again()
    {
        var calls = 0;
        byte[] Encode(IReadOnlyDictionary<string, AttrValue> attributes)
        {
            calls++;
            return System.Text.Encoding.UTF8.GetBytes(attributes["v"].Text!);
        }

        var item = Item(1, "one");
        var first = item.Encoded(Encode);
        Assert.Same(first, item.Encoded(Encode));
        Assert.Equal(1, calls);

        var copy = item with { Version = 2 };
        Assert.NotSame(first, copy.Encoded(Encode));
        Assert.Equal(2, calls);

        // What an item keeps (its size, its encoding) takes no part in its equality: version and attribute map do.
        var twin = new VersionedItem(1, item.Attributes);
        Assert.Equal(item, twin);
        Assert.Equal(item.GetHashCode(), twin.GetHashCode());
        Assert.NotEqual(item, copy);
    }
}
