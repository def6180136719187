using DataTier.Model;

namespace DataTier.Expressions;

/// <summary>A value in a condition: a document path into the item, or a literal from ExpressionAttributeValues.</summary>
[GenerateSerializer, Immutable]
public abstract record Operand;

[GenerateSerializer, Immutable]
public sealed record PathOperand([property: Id(0)] IReadOnlyList<PathElement> Path) : Operand
{
    public string TopLevelName => Path[0].Name!;
    public override string ToString() => string.Join(".", Path).Replace(".[", "[");
}

[GenerateSerializer, Immutable]
public sealed record ValueOperand([property: Id(0)] AttrValue Value) : Operand;

/// <summary>size(path): the length of a string, binary, set, list or map.</summary>
[GenerateSerializer, Immutable]
public sealed record SizeOperand([property: Id(0)] PathOperand Path) : Operand;
