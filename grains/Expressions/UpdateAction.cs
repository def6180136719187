using DataTier.Model;

namespace DataTier.Expressions;

/// <summary>One action of an UpdateExpression.</summary>
[GenerateSerializer, Immutable]
public abstract record UpdateAction([property: Id(0)] PathOperand Path);

/// <summary>SET path = value.</summary>
[GenerateSerializer, Immutable]
public sealed record SetAction(PathOperand Path, [property: Id(1)] UpdateValue Value) : UpdateAction(Path);

[GenerateSerializer, Immutable]
public sealed record RemoveAction(PathOperand Path) : UpdateAction(Path);

/// <summary>ADD path value: adds to a number or unions into a set (creating either).</summary>
[GenerateSerializer, Immutable]
public sealed record AddAction(PathOperand Path, [property: Id(1)] AttrValue Value) : UpdateAction(Path);

/// <summary>DELETE path value: removes members from a set.</summary>
[GenerateSerializer, Immutable]
public sealed record DeleteAction(PathOperand Path, [property: Id(1)] AttrValue Value) : UpdateAction(Path);
