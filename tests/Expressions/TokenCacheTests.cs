using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Model;
using Xunit;

namespace DataTier.Tests.Expressions;

public sealed class TokenCacheTests
{
    [Fact]
    public void An_expression_seen_before_is_parsed_from_its_kept_tokens_with_each_request_s_own_values()
    {
        const string text = "#c = :one AND size(#c) < :limit";
        var names = new Dictionary<string, string> { ["#c"] = "colour" };
        bool Eval(string colour, string limit) => ConditionEvaluator.Evaluate(
            ExpressionParser.ParseCondition("ConditionExpression", text,
                new ExpressionContext(names, new Dictionary<string, AttrValue> { [":one"] = AttrValue.FromS(colour), [":limit"] = AttrValue.FromN(limit) })),
            new Dictionary<string, AttrValue> { ["colour"] = AttrValue.FromS("red") });

        Assert.True(Eval("red", "5"));
        var kept = TokenCache.TryGet(text);
        Assert.NotNull(kept);
        Assert.False(Eval("blue", "5"));
        Assert.False(Eval("red", "2"));
        Assert.Same(kept, TokenCache.TryGet(text));
    }

    [Fact]
    public void An_expression_that_does_not_tokenize_is_refused_every_time_and_not_kept()
    {
        const string text = "a = : AND b = :v";
        for (var i = 0; i < 2; i++)
        {
            var e = Assert.Throws<DynamoException>(() => ExpressionParser.ParseCondition("ConditionExpression", text, new ExpressionContext(null, null)));
            Assert.Contains("Invalid ConditionExpression: Syntax error; token: \":\"", e.Message);
        }
        Assert.Null(TokenCache.TryGet(text));
    }

    [Fact]
    public void Past_its_capacity_the_cache_starts_again_and_still_parses()
    {
        var first = "attribute_exists(capacity_probe_0)";
        ExpressionParser.ParseCondition("ConditionExpression", first, new ExpressionContext(null, null));
        for (var i = 1; i <= TokenCache.Capacity; i++)
            ExpressionParser.ParseCondition("ConditionExpression", $"attribute_exists(capacity_probe_{i})", new ExpressionContext(null, null));
        Assert.Null(TokenCache.TryGet(first));
        Assert.NotNull(TokenCache.TryGet($"attribute_exists(capacity_probe_{TokenCache.Capacity})"));
    }
}
