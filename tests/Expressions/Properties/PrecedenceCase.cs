using DataTier.Model;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>A chain "[NOT…] leaf (AND|OR) [NOT…] leaf …" rendered without parentheses.</summary>
public sealed record PrecedenceCase(Dictionary<string, AttrValue>? Item, IReadOnlyList<RCondition> Leaves, IReadOnlyList<int> Nots, IReadOnlyList<bool> Ors, int Seed)
{
    public RenderedExpression Render() => ExpressionRenderer.Chain(Leaves, Nots, Ors, Seed);

    public override string ToString() => $"item {Show.Item(Item)}{Environment.NewLine}  rendered {Render()}";
}
