using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Model;
using DataTier.Tables;
using Xunit;

namespace DataTier.Tests.Expressions;

public class ExpressionParserTests
{
    private static readonly Dictionary<string, AttrValue> Item = new()
    {
        ["pk"] = AttrValue.FromS("a"),
        ["ver"] = AttrValue.FromN("3"),
        ["m"] = AttrValue.FromM(new Dictionary<string, AttrValue> { ["x"] = AttrValue.FromL([AttrValue.FromS("first"), AttrValue.FromN("7")]) }),
    };

    private static bool Eval(string expression, Dictionary<string, string>? names = null, Dictionary<string, AttrValue>? values = null, IReadOnlyDictionary<string, AttrValue>? item = null)
    {
        var context = new ExpressionContext(names, values);
        var condition = ExpressionParser.ParseCondition("ConditionExpression", expression, context);
        context.EnsureAllUsed();
        return ConditionEvaluator.Evaluate(condition, item ?? Item);
    }

    [Fact]
    public void Existence_functions_follow_the_item()
    {
        Assert.True(Eval("attribute_exists(pk)"));
        Assert.False(Eval("attribute_not_exists(pk)"));
        Assert.True(Eval("attribute_not_exists(pk)", item: new Dictionary<string, AttrValue>()));
        Assert.True(Eval("attribute_exists(m.x[1])"));
        Assert.False(Eval("attribute_exists(m.x[2])"));
    }

    [Fact]
    public void Version_equality_as_DynamoDBContext_sends_it()
    {
        var names = new Dictionary<string, string> { ["#v"] = "ver" };
        Assert.True(Eval("#v = :v", names, new() { [":v"] = AttrValue.FromN("3.0") }));
        Assert.False(Eval("#v = :v", names, new() { [":v"] = AttrValue.FromN("4") }));
        Assert.False(Eval("#v = :v", names, new() { [":v"] = AttrValue.FromS("3") }));
    }

    [Fact]
    public void Precedence_is_not_then_and_then_or()
    {
        var values = new Dictionary<string, AttrValue> { [":a"] = AttrValue.FromS("a"), [":b"] = AttrValue.FromS("b") };
        Assert.True(Eval("pk = :b AND pk = :b OR pk = :a", values: values));
        Assert.False(Eval("pk = :b AND (pk = :b OR pk = :a)", values: values));
        Assert.True(Eval("NOT pk = :b AND pk = :a", values: values));
        Assert.True(Eval("pk BETWEEN :a AND :b", values: values));
        Assert.True(Eval("pk IN (:b, :a)", values: values));
        Assert.True(Eval("begins_with(m.x[0], :a)", values: new() { [":a"] = AttrValue.FromS("fir") }));
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("ab\u00ff", 3)]
    [InlineData("\u00e9t\u00e9 \u20ac", 5)]
    public void Size_of_a_string_counts_characters_not_utf8_bytes(string text, int size)
    {
        var item = new Dictionary<string, AttrValue> { ["s"] = AttrValue.FromS(text) };
        var values = new Dictionary<string, AttrValue> { [":n"] = AttrValue.FromN(size) };
        Assert.True(Eval("size(s) = :n", values: values, item: item));
    }

    [Theory]
    [InlineData("attribute_exists(status)", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status")]
    [InlineData("pk = :missing", "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :missing")]
    [InlineData("#missing = :v", "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #missing")]
    [InlineData("", "Invalid ConditionExpression: The expression can not be empty;")]
    [InlineData("frobnicate(pk)", "Invalid ConditionExpression: Invalid function name; function: frobnicate")]
    public void Invalid_expressions_are_rejected_with_dynamodb_messages(string expression, string message)
    {
        var e = Assert.Throws<DynamoException>(() => Eval(expression, values: new() { [":v"] = AttrValue.FromS("x") }));
        Assert.Equal(DynamoErrorCode.ValidationException, e.Code);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Syntax_errors_name_the_token()
    {
        var e = Assert.Throws<DynamoException>(() => Eval("pk = = :v", values: new() { [":v"] = AttrValue.FromS("x") }));
        Assert.StartsWith("Invalid ConditionExpression: Syntax error; token: \"=\"", e.Message);
    }

    [Fact]
    public void Unused_names_and_values_are_rejected()
    {
        var e = Assert.Throws<DynamoException>(() => Eval("attribute_exists(pk)", values: new() { [":v"] = AttrValue.FromS("x") }));
        Assert.Equal("Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}", e.Message);
        e = Assert.Throws<DynamoException>(() => Eval("attribute_exists(pk)", names: new() { ["#n"] = "x" }));
        Assert.Equal("Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}", e.Message);
    }

    [Fact]
    public void Projection_keeps_named_parts_only()
    {
        var context = new ExpressionContext(new Dictionary<string, string> { ["#p"] = "pk" }, null);
        var paths = ExpressionParser.ParseProjection("#p, m.x[1], nothing", context);
        var projected = DocumentPath.Project(Item, paths);
        Assert.Equal(["m", "pk"], projected.Keys.Order());
        Assert.Equal(AttrValue.FromL([AttrValue.FromN("7")]), projected["m"].Map!["x"]);
    }

    [Fact]
    public void Key_conditions_reduce_to_a_partition_value_and_a_sort_condition()
    {
        var schema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), new KeyAttribute("sk", AttrType.N));
        KeyConditionPlan Plan(string expression, Dictionary<string, AttrValue> values)
        {
            var context = new ExpressionContext(null, values);
            return KeyConditionPlan.From(ExpressionParser.ParseCondition("KeyConditionExpression", expression, context), schema);
        }
        var values = new Dictionary<string, AttrValue> { [":p"] = AttrValue.FromS("a"), [":n"] = AttrValue.FromN("5") };
        var plan = Plan("sk >= :n AND pk = :p", values);
        Assert.Equal(AttrValue.FromS("a"), plan.PartitionValue);
        Assert.Equal(SortKeyOp.Ge, plan.SortCondition!.Op);
        Assert.Equal(SortKeyOp.Le, Plan(":n >= sk AND pk = :p", values).SortCondition!.Op);

        Assert.Equal("Query condition missed key schema element: pk", Assert.Throws<DynamoException>(() => Plan("sk = :n", values)).Message);
        Assert.Equal("Invalid operator used in KeyConditionExpression: OR", Assert.Throws<DynamoException>(() => Plan("pk = :p OR sk = :n", values)).Message);
        Assert.Equal("Query key condition not supported", Assert.Throws<DynamoException>(() => Plan("pk > :p", values)).Message);
        Assert.Equal("One or more parameter values were invalid: Condition parameter type does not match schema type",
            Assert.Throws<DynamoException>(() => Plan("pk = :n", values)).Message);
    }
}
