using DataTier.Indexes;
using DataTier.Model;
using DataTier.Tables;
using Xunit;

namespace DataTier.Tests.Indexes;

/// <summary>What a write of a base item costs a global secondary index, by DynamoDB's rules for index writes.</summary>
public class IndexWriteUnitsTests
{
    private static readonly TableDescription Table = new()
    {
        Name = "t",
        Id = Guid.NewGuid(),
        Partitions = PartitionMap.Uniform(1),
        KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), null),
        AttributeDefinitions = [new KeyAttribute("pk", AttrType.S), new KeyAttribute("g", AttrType.S)],
    };

    private static GlobalSecondaryIndex Index(ProjectionType projection, params string[] nonKey) => new()
    {
        Name = "byG",
        KeySchema = new TableKeySchema(new KeyAttribute("g", AttrType.S), null),
        Projection = new IndexProjection(projection, projection == ProjectionType.INCLUDE ? nonKey : null),
    };

    private static Dictionary<string, AttrValue> Item(string? g, string v = "1", string w = "1", int padding = 0)
    {
        var item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("a"), ["v"] = AttrValue.FromS(v), ["w"] = AttrValue.FromS(w) };
        if (g is not null) item["g"] = AttrValue.FromS(g);
        if (padding > 0) item["data"] = AttrValue.FromS(new string('x', padding));
        return item;
    }

    [Fact]
    public void Entering_or_leaving_the_index_is_one_write_of_the_entry()
    {
        var index = Index(ProjectionType.ALL);
        Assert.Equal(1, IndexWriteUnits.Of(Table, index, null, Item("x")));
        Assert.Equal(1, IndexWriteUnits.Of(Table, index, Item("x"), null));
        Assert.Equal(1, IndexWriteUnits.Of(Table, index, Item(null), Item("x")));
        Assert.Equal(1, IndexWriteUnits.Of(Table, index, Item("x"), Item(null)));
        // In 1 KB units of the projected entry.
        Assert.Equal(3, IndexWriteUnits.Of(Table, index, null, Item("x", padding: 2500)));
    }

    [Fact]
    public void An_item_the_index_holds_neither_before_nor_after_costs_it_nothing()
    {
        Assert.Equal(0, IndexWriteUnits.Of(Table, Index(ProjectionType.ALL), null, Item(null)));
        Assert.Equal(0, IndexWriteUnits.Of(Table, Index(ProjectionType.ALL), Item(null, v: "1"), Item(null, v: "2")));
    }

    [Fact]
    public void A_changed_index_key_is_a_delete_and_a_put()
    {
        Assert.Equal(2, IndexWriteUnits.Of(Table, Index(ProjectionType.KEYS_ONLY), Item("x"), Item("y")));
        Assert.Equal(4, IndexWriteUnits.Of(Table, Index(ProjectionType.ALL), Item("x", padding: 1500), Item("y", padding: 1500)));
    }

    [Fact]
    public void Under_the_same_key_only_a_change_of_a_projected_attribute_writes_the_entry()
    {
        Assert.Equal(1, IndexWriteUnits.Of(Table, Index(ProjectionType.ALL), Item("x", v: "1"), Item("x", v: "2")));
        Assert.Equal(0, IndexWriteUnits.Of(Table, Index(ProjectionType.KEYS_ONLY), Item("x", v: "1"), Item("x", v: "2")));
        Assert.Equal(1, IndexWriteUnits.Of(Table, Index(ProjectionType.INCLUDE, "v"), Item("x", v: "1"), Item("x", v: "2")));
        Assert.Equal(0, IndexWriteUnits.Of(Table, Index(ProjectionType.INCLUDE, "v"), Item("x", w: "1"), Item("x", w: "2")));
        Assert.Equal(0, IndexWriteUnits.Of(Table, Index(ProjectionType.ALL), Item("x"), Item("x")));
    }
}
