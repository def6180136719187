using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Model;
using Xunit;

namespace DataTier.Tests.Expressions;

/// <summary>
/// Checks DynamoDB makes on a condition's operands while parsing it (the cases of dynalite's tests, which were taken
/// from DynamoDB), found missing by the random differential test.
/// </summary>
public class ConditionOperandCheckTests
{
    private const string Distinct = "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; ";
    private const string OperandType = "Invalid ConditionExpression: Incorrect operand type for operator or function; ";
    private const string Parentheses = "Invalid ConditionExpression: The expression has redundant parentheses;";

    [Theory]
    [InlineData("a = a", Distinct + "operator: =, first operand: [a]")]
    [InlineData("#a <> a", Distinct + "operator: <>, first operand: [a]")]
    [InlineData("b.c[1] >= b.#c[1]", Distinct + "operator: >=, first operand: [b, c, [1]]")]
    [InlineData("contains(m.x, m.x)", Distinct + "operator: contains, first operand: [m, x]")]
    [InlineData("begins_with(a, #a)", Distinct + "operator: begins_with, first operand: [a]")]
    [InlineData("begins_with(a, :n)", OperandType + "operator or function: begins_with, operand type: N")]
    [InlineData("begins_with(:l, a)", OperandType + "operator or function: begins_with, operand type: L")]
    [InlineData("begins_with(a, size(b))", OperandType + "operator or function: begins_with, operand type: N")]
    [InlineData("attribute_type(a, :n)", OperandType + "operator or function: attribute_type, operand type: N")]
    [InlineData("attribute_type(a, b)", OperandType + "operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}")]
    [InlineData("((a = :s))", Parentheses)]
    [InlineData("a = :s AND ((a = :s AND b = :s)) AND b = :s", Parentheses)]
    [InlineData("begins_with(a, :n) OR ((b = :s))", Parentheses)]
    [InlineData("a = a AND begins_with(a, :n)", Distinct + "operator: =, first operand: [a]")]
    public void Are_made_before_any_item_is_read(string expression, string message)
    {
        var values = new Dictionary<string, AttrValue> { [":s"] = AttrValue.FromS("x"), [":n"] = AttrValue.FromN("1"), [":l"] = AttrValue.FromL([]) };
        var context = new ExpressionContext(new Dictionary<string, string> { ["#a"] = "a", ["#c"] = "c" }, values);
        var e = Assert.Throws<DynamoException>(() => ExpressionParser.ParseCondition("ConditionExpression", expression, context));
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("(a = :s) AND (b = :s)")]
    [InlineData("((a = :s) AND b = :s)")]
    [InlineData("a IN (:s, :n) AND size(a) > :n")]
    [InlineData("begins_with(a, :s) AND :n = :n")]
    [InlineData("NOT (a = b)")]
    public void Leave_other_forms_alone(string expression)
    {
        var values = new Dictionary<string, AttrValue> { [":s"] = AttrValue.FromS("x"), [":n"] = AttrValue.FromN("1") };
        ExpressionParser.ParseCondition("ConditionExpression", expression, new ExpressionContext(null, values));
    }

    [Fact]
    public void A_syntax_error_comes_before_redundant_parentheses()
    {
        var e = Assert.Throws<DynamoException>(() =>
            ExpressionParser.ParseCondition("ConditionExpression", "((a = :s)) AND", new ExpressionContext(null, new Dictionary<string, AttrValue> { [":s"] = AttrValue.FromS("x") })));
        Assert.Contains("Syntax error", e.Message, StringComparison.Ordinal);
    }
}
