using DataTier.Model;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>An operand of the reference condition AST the generators build (independent of the engine's own tree).</summary>
public abstract record ROperand;

public sealed record RPath(IReadOnlyList<RStep> Steps) : ROperand
{
    public RPath(params RStep[] steps) : this((IReadOnlyList<RStep>)steps) { }
    public override string ToString() => Steps[0].Name + string.Concat(Steps.Skip(1));
}

public sealed record RValue(AttrValue Value) : ROperand
{
    public override string ToString() => Value.ToString();
}

public sealed record RSize(RPath Path) : ROperand
{
    public override string ToString() => $"size({Path})";
}
