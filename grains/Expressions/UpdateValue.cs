namespace DataTier.Expressions;

/// <summary>The right-hand side of a SET action.</summary>
[GenerateSerializer, Immutable]
public abstract record UpdateValue;

/// <summary>A path or a value, as is.</summary>
[GenerateSerializer, Immutable]
public sealed record OperandValue([property: Id(0)] Operand Operand) : UpdateValue;

/// <summary>a + b or a - b on numbers.</summary>
[GenerateSerializer, Immutable]
public sealed record ArithmeticValue([property: Id(0)] bool Subtract, [property: Id(1)] UpdateValue Left, [property: Id(2)] UpdateValue Right) : UpdateValue;

/// <summary>if_not_exists(path, value).</summary>
[GenerateSerializer, Immutable]
public sealed record IfNotExistsValue([property: Id(0)] PathOperand Path, [property: Id(1)] UpdateValue Fallback) : UpdateValue;

/// <summary>list_append(a, b).</summary>
[GenerateSerializer, Immutable]
public sealed record ListAppendValue([property: Id(0)] UpdateValue First, [property: Id(1)] UpdateValue Second) : UpdateValue;
