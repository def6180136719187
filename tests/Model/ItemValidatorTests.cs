using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;
using Xunit;

namespace DataTier.Tests.Model;

public class ItemValidatorTests
{
    private static readonly TableKeySchema Schema = new(new KeyAttribute("pk", AttrType.S), new KeyAttribute("sk", AttrType.N));

    private static string Fail(Dictionary<string, AttrValue> item)
    {
        var e = Assert.Throws<DynamoException>(() => ItemValidator.ValidateItem(Schema, item));
        Assert.Equal(DynamoErrorCode.ValidationException, e.Code);
        return e.Message;
    }

    private static Dictionary<string, AttrValue> Item(params (string, AttrValue)[] extra)
    {
        var item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("a"), ["sk"] = AttrValue.FromN("1") };
        foreach (var (k, v) in extra) item[k] = v;
        return item;
    }

    [Fact]
    public void Valid_items_pass()
    {
        ItemValidator.ValidateItem(Schema, Item(("empty", AttrValue.FromS("")), ("set", AttrValue.FromSS(["a", "b"]))));
    }

    [Fact]
    public void Key_rules()
    {
        Assert.Equal("One or more parameter values were invalid: Missing the key sk in the item", Fail(new() { ["pk"] = AttrValue.FromS("a") }));
        Assert.Equal("One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S",
            Fail(new() { ["pk"] = AttrValue.FromS("a"), ["sk"] = AttrValue.FromS("1") }));
        Assert.Equal("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk",
            Fail(new() { ["pk"] = AttrValue.FromS(""), ["sk"] = AttrValue.FromN("1") }));
        Assert.Equal("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes",
            Fail(new() { ["pk"] = AttrValue.FromS(new string('k', 2049)), ["sk"] = AttrValue.FromN("1") }));
        ItemValidator.ValidateItem(Schema, new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS(new string('k', 2048)), ["sk"] = AttrValue.FromN("1") });
    }

    [Fact]
    public void Set_rules()
    {
        Assert.Equal("One or more parameter values were invalid: An string set  may not be empty", Fail(Item(("s", AttrValue.FromSS([])))));
        Assert.Equal("One or more parameter values were invalid: An number set  may not be empty", Fail(Item(("s", AttrValue.FromNS([])))));
        Assert.Equal("One or more parameter values were invalid: Input collection [a, a] contains duplicates.", Fail(Item(("s", AttrValue.FromSS(["a", "a"])))));
        Assert.Contains("contains duplicates", Fail(Item(("s", AttrValue.FromNS(new[] { "1", "1.0" }.Select(n => DynamoNumber.Parse(n).ToString()).ToList())))));
        Assert.Equal("One or more parameter values were invalid: Binary sets should not be empty", Fail(Item(("l", AttrValue.FromL([AttrValue.FromBS([])])))));
    }

    [Fact]
    public void Item_size_limit_is_400_KB()
    {
        var nameBytes = "pk".Length + 1 + "sk".Length + 1 + "big".Length;
        ItemValidator.ValidateItem(Schema, Item(("big", AttrValue.FromS(new string('x', 400 * 1024 - nameBytes - 1)))));
        Assert.Equal("Item size has exceeded the maximum allowed size", Fail(Item(("big", AttrValue.FromS(new string('x', 400 * 1024))))));
    }

    [Fact]
    public void An_update_is_checked_by_the_attributes_it_touched()
    {
        var before = Item(("a", AttrValue.FromS("12345")), ("b", AttrValue.FromN("1")));
        var grown = Item(("a", AttrValue.FromS(new string('x', 1000))), ("b", AttrValue.FromN("1")), ("c", AttrValue.FromSS(["p"])));
        var actions = DataTier.Expressions.ExpressionParser.ParseUpdate("SET a = :a, c = :c", new DataTier.Expressions.ExpressionContext(null,
            new Dictionary<string, AttrValue> { [":a"] = grown["a"], [":c"] = grown["c"] }));
        Assert.Equal(ItemSize.Of(grown), ItemValidator.ValidateUpdated(Schema, before, ItemSize.Of(before), grown, actions));

        var huge = Item(("a", AttrValue.FromS(new string('x', ItemSize.MaxItemBytes))), ("b", AttrValue.FromN("1")));
        var e = Assert.Throws<DynamoException>(() => { ItemValidator.ValidateUpdated(Schema, before, ItemSize.Of(before), huge, actions.Take(1).ToList()); });
        Assert.Equal("Item size to update has exceeded the maximum allowed size", e.Message);
    }
}
