using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Model;
using Xunit;

namespace DataTier.Tests.Expressions;

public class UpdateExpressionTests
{
    private static readonly Dictionary<string, AttrValue> Item = new()
    {
        ["pk"] = AttrValue.FromS("a"),
        ["n"] = AttrValue.FromN("10"),
        ["tags"] = AttrValue.FromSS(["x", "y"]),
        ["l"] = AttrValue.FromL([AttrValue.FromN("1")]),
        ["m"] = AttrValue.FromM(new Dictionary<string, AttrValue> { ["deep"] = AttrValue.FromS("v") }),
    };

    private static Dictionary<string, AttrValue> Apply(string expression, Dictionary<string, AttrValue>? values = null, Dictionary<string, string>? names = null)
    {
        var context = new ExpressionContext(names, values);
        var actions = ExpressionParser.ParseUpdate(expression, context);
        context.EnsureAllUsed();
        return UpdateApplier.Apply(Item, actions);
    }

    [Fact]
    public void Set_with_arithmetic_if_not_exists_and_list_append()
    {
        var result = Apply("SET n = n + :one, created = if_not_exists(created, :now), l = list_append(l, :more), m.deep = :v",
            new()
            {
                [":one"] = AttrValue.FromN("1"),
                [":now"] = AttrValue.FromN("5"),
                [":more"] = AttrValue.FromL([AttrValue.FromN("2")]),
                [":v"] = AttrValue.FromS("w"),
            });
        Assert.Equal("11", result["n"].Text);
        Assert.Equal("5", result["created"].Text);
        Assert.Equal(2, result["l"].List!.Count);
        Assert.Equal("w", result["m"].Map!["deep"].Text);
        Assert.Equal("10", Item["n"].Text);
    }

    [Fact]
    public void Remove_add_and_delete()
    {
        var result = Apply("REMOVE m.deep, l[0] ADD n :five, tags :more DELETE spare :x",
            new() { [":five"] = AttrValue.FromN("-5"), [":more"] = AttrValue.FromSS(["z"]), [":x"] = AttrValue.FromSS(["x"]) });
        Assert.Empty(result["m"].Map!);
        Assert.Empty(result["l"].List!);
        Assert.Equal("5", result["n"].Text);
        Assert.Equal(["x", "y", "z"], result["tags"].TextSet!.Order());
        Assert.False(result.ContainsKey("spare"));
    }

    [Fact]
    public void Remove_of_a_nested_path_needs_its_parent_unless_the_item_is_missing()
    {
        var actions = ExpressionParser.ParseUpdate("REMOVE nothing.k, n[0]", new ExpressionContext(null, null));
        Assert.Throws<DynamoException>(() => UpdateApplier.Apply(Item, actions));
        var key = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("a") };
        Assert.Equal(key, UpdateApplier.Apply(key, actions, itemExists: false));
    }

    [Fact]
    public void Deleting_every_member_removes_the_set()
    {
        var result = Apply("DELETE tags :all", new() { [":all"] = AttrValue.FromSS(["x", "y"]) });
        Assert.False(result.ContainsKey("tags"));
    }

    [Theory]
    [InlineData("SET n = pk + :one", "An operand in the update expression has an incorrect data type")]
    // literal operands are checked while parsing (dynalite's tests, taken from DynamoDB), after overlapping paths and ADD's operand
    [InlineData("SET n = :s + :one", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S")]
    [InlineData("SET n = :one - :s", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, operand type: S")]
    [InlineData("SET l = list_append(l, :one)", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: N")]
    [InlineData("SET l = list_append(:s, :one) ADD n :s", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING")]
    [InlineData("ADD n :s SET m = :one REMOVE m", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], path two: [m]")]
    // each action in the expression's order: its path, then its operand's type (n is a number, zz missing)
    [InlineData("SET zz.x = :one ADD n :ss", "The document path provided in the update expression is invalid for update")]
    [InlineData("ADD n :ss SET zz.x = :one", "An operand in the update expression has an incorrect data type")]
    [InlineData("SET a.b = :one, a[1] = :one, a.b.c = :one", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, b, c]")]
    [InlineData("SET nothere.x = :one", "The document path provided in the update expression is invalid for update")]
    [InlineData("SET n = :one SET n = :one", "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;")]
    [InlineData("SET n = :one REMOVE n", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [n], path two: [n]")]
    [InlineData("ADD n :s", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING")]
    public void Invalid_updates_fail_as_dynamodb_fails_them(string expression, string message)
    {
        var values = new Dictionary<string, AttrValue> { [":one"] = AttrValue.FromN("1"), [":s"] = AttrValue.FromS("x"), [":ss"] = AttrValue.FromSS(["x"]) };
        var e = Assert.Throws<DynamoException>(() =>
        {
            var context = new ExpressionContext(null, values);
            UpdateApplier.Apply(Item, ExpressionParser.ParseUpdate(expression, context));
        });
        Assert.Equal(message, e.Message);
    }

    private static List<string?> Strings(Dictionary<string, AttrValue> item, string name) => item[name].List!.Select(v => v.Text).ToList();

    private static readonly Dictionary<string, AttrValue> Tools = new()
    {
        ["ri"] = AttrValue.FromL([.. new[] { "Chisel", "Hammer", "Nails", "Screwdriver", "Hacksaw" }.Select(AttrValue.FromS)]),
    };

    private static Dictionary<string, AttrValue> ApplyTo(Dictionary<string, AttrValue> item, string expression, Dictionary<string, AttrValue>? values = null)
    {
        var context = new ExpressionContext(null, values);
        return UpdateApplier.Apply(item, ExpressionParser.ParseUpdate(expression, context));
    }

    // Found by the property tests: actions were applied one after another, so an earlier REMOVE shifted
    // the indexes later actions named. DynamoDB's guide removes Hammer and Nails with this expression.
    [Fact]
    public void Removed_list_indexes_refer_to_the_list_before_the_update()
    {
        Assert.Equal(["Chisel", "Screwdriver", "Hacksaw"], Strings(ApplyTo(Tools, "REMOVE ri[1], ri[2]"), "ri"));
        Assert.Equal(["Chisel", "Screwdriver", "Hacksaw"], Strings(ApplyTo(Tools, "REMOVE ri[2], ri[1]"), "ri"));
        var x = new Dictionary<string, AttrValue> { [":x"] = AttrValue.FromS("X") };
        Assert.Equal(["Hammer", "Nails", "Screwdriver", "X"], Strings(ApplyTo(Tools, "REMOVE ri[0] SET ri[4] = :x", x), "ri"));
        Assert.Equal(["Hammer", "Nails", "Screwdriver", "Hacksaw", "X"], Strings(ApplyTo(Tools, "REMOVE ri[0], ri[6] SET ri[5] = :x", x), "ri"));
    }

    // "If you add multiple elements in a single SET operation, the elements are sorted in order by element number."
    [Fact]
    public void Elements_set_past_the_end_are_appended_in_index_order()
    {
        var values = new Dictionary<string, AttrValue> { [":a"] = AttrValue.FromS("A"), [":b"] = AttrValue.FromS("B") };
        var result = ApplyTo(Tools, "SET ri[9] = :b, ri[7] = :a", values);
        Assert.Equal(["Chisel", "Hammer", "Nails", "Screwdriver", "Hacksaw", "A", "B"], Strings(result, "ri"));
    }
}
