using DataTier.Expressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>
/// The engine (tokenizer, parser, evaluator) against the reference evaluator, on generated items and
/// conditions: a generated AST is rendered to text, the engine parses and evaluates the text, the
/// reference evaluates the AST.
/// </summary>
public class ConditionProperties
{
    private static bool Engine(RenderedExpression rendered, IReadOnlyDictionary<string, DataTier.Model.AttrValue>? item)
    {
        var context = new ExpressionContext(rendered.Names, rendered.Values);
        var condition = ExpressionParser.ParseCondition("ConditionExpression", rendered.Text, context);
        context.EnsureAllUsed();
        return ConditionEvaluator.Evaluate(condition, item);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(ExpressionArbitraries)])]
    public Property Engine_agrees_with_the_reference(ConditionCase c)
    {
        var engine = Engine(ExpressionRenderer.Condition(c.Condition, c.Seed), c.Item);
        var reference = ReferenceConditionEvaluator.Evaluate(c.Condition, c.Item);
        return (engine == reference).Label($"engine {engine}, reference {reference}").Classify(reference, "holds").Classify(!reference, "fails");
    }

    [Property(MaxTest = 400, Arbitrary = [typeof(ExpressionArbitraries)])]
    public Property Redundant_parentheses_change_nothing(ConditionCase c)
    {
        var plain = Engine(ExpressionRenderer.Condition(c.Condition, c.Seed), c.Item);
        var parenthesised = ExpressionRenderer.Condition(c.Condition, c.Seed, redundantParentheses: true);
        var engine = Engine(parenthesised, c.Item);
        var reference = ReferenceConditionEvaluator.Evaluate(c.Condition, c.Item);
        return (engine == plain && engine == reference).Label($"with parentheses {engine} ({parenthesised}), without {plain}, reference {reference}");
    }

    /// <summary>Without parentheses, NOT binds tighter than AND, and AND tighter than OR.</summary>
    [Property(MaxTest = 400, Arbitrary = [typeof(ExpressionArbitraries)])]
    public Property Not_binds_tighter_than_and_and_and_tighter_than_or(PrecedenceCase c)
    {
        var values = c.Leaves.Select((leaf, i) => ReferenceConditionEvaluator.Evaluate(leaf, c.Item) ^ (c.Nots[i] % 2 == 1)).ToList();
        // OR splits the chain into groups; each group holds when all its (negated) leaves do.
        var expected = false;
        var group = values[0];
        for (var i = 1; i < values.Count; i++)
        {
            if (c.Ors[i - 1])
            {
                expected |= group;
                group = values[i];
            }
            else
            {
                group &= values[i];
            }
        }
        expected |= group;
        var engine = Engine(c.Render(), c.Item);
        return (engine == expected).Label($"engine {engine}, by precedence {expected}");
    }
}
