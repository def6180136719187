using DataTier.Model;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>One action of the reference update AST.</summary>
public abstract record RAction(RPath Path);

public sealed record RSet(RPath Path, RSetValue Value) : RAction(Path)
{
    public override string ToString() => $"SET {Path} = {Value}";
}

public sealed record RRemove(RPath Path) : RAction(Path)
{
    public override string ToString() => $"REMOVE {Path}";
}

public sealed record RAdd(RPath Path, AttrValue Value) : RAction(Path)
{
    public override string ToString() => $"ADD {Path} {Value}";
}

public sealed record RDelete(RPath Path, AttrValue Value) : RAction(Path)
{
    public override string ToString() => $"DELETE {Path} {Value}";
}

/// <summary>The right-hand side of a SET action.</summary>
public abstract record RSetValue;

/// <summary>A path or a literal value.</summary>
public sealed record ROperandValue(ROperand Operand) : RSetValue
{
    public override string ToString() => Operand.ToString()!;
}

public sealed record RArithmetic(RSetValue Left, bool Minus, RSetValue Right) : RSetValue
{
    public override string ToString() => $"{Left} {(Minus ? "-" : "+")} {Right}";
}

public sealed record RIfNotExists(RPath Path, RSetValue Fallback) : RSetValue
{
    public override string ToString() => $"if_not_exists({Path}, {Fallback})";
}

public sealed record RListAppend(RSetValue First, RSetValue Second) : RSetValue
{
    public override string ToString() => $"list_append({First}, {Second})";
}
