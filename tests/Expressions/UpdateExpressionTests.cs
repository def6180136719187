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
    public void Deleting_every_member_removes_the_set()
    {
        var result = Apply("DELETE tags :all", new() { [":all"] = AttrValue.FromSS(["x", "y"]) });
        Assert.False(result.ContainsKey("tags"));
    }

    [Theory]
    [InlineData("SET n = :s + :one", "An operand in the update expression has an incorrect data type")]
    [InlineData("SET nothere.x = :one", "The document path provided in the update expression is invalid for update")]
    [InlineData("SET n = :one SET n = :one", "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;")]
    [InlineData("SET n = :one REMOVE n", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [n], path two: [n]")]
    [InlineData("ADD n :s", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING")]
    public void Invalid_updates_fail_as_dynamodb_fails_them(string expression, string message)
    {
        var values = new Dictionary<string, AttrValue> { [":one"] = AttrValue.FromN("1"), [":s"] = AttrValue.FromS("x") };
        var e = Assert.Throws<DynamoException>(() =>
        {
            var context = new ExpressionContext(null, values);
            UpdateApplier.Apply(Item, ExpressionParser.ParseUpdate(expression, context));
        });
        Assert.Equal(message, e.Message);
    }
}
