using DataTier.Model;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>An item and update actions; the seed fixes clause order and spelling.</summary>
public sealed record UpdateCase(Dictionary<string, AttrValue> Item, IReadOnlyList<RAction> Actions, int Seed)
{
    public RenderedExpression Render() => ExpressionRenderer.Update(Actions, Seed);

    public override string ToString() =>
        $"item {Show.Item(Item)}{Environment.NewLine}  actions {string.Join("; ", Actions)}{Environment.NewLine}  rendered {Render()}";
}
