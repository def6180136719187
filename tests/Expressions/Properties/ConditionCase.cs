using DataTier.Model;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>An item (null: no item) and a condition AST; the seed fixes how the condition is rendered.</summary>
public sealed record ConditionCase(Dictionary<string, AttrValue>? Item, RCondition Condition, int Seed)
{
    public override string ToString() =>
        $"item {Show.Item(Item)}{Environment.NewLine}  condition {Condition}{Environment.NewLine}  rendered {ExpressionRenderer.Condition(Condition, Seed)}";
}
