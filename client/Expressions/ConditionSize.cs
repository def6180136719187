namespace DataTier.Client.Expressions;

/// <summary>size(path) as the operand of a comparison.</summary>
internal sealed class ConditionSize(AttributePath path) : ConditionOperand
{
    internal override string Render(ExpressionAttributes attributes) => $"size({attributes.Path(path)})";
}
