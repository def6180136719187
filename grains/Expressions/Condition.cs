namespace DataTier.Expressions;

public enum CompareOp { Eq, Ne, Lt, Le, Gt, Ge }

/// <summary>A parsed condition: the tree that ConditionExpression and KeyConditionExpression turn into.</summary>
[GenerateSerializer, Immutable]
public abstract record Condition;

[GenerateSerializer, Immutable]
public sealed record CompareCondition([property: Id(0)] CompareOp Op, [property: Id(1)] Operand Left, [property: Id(2)] Operand Right) : Condition;

[GenerateSerializer, Immutable]
public sealed record BetweenCondition([property: Id(0)] Operand Value, [property: Id(1)] Operand Low, [property: Id(2)] Operand High) : Condition;

[GenerateSerializer, Immutable]
public sealed record InCondition([property: Id(0)] Operand Value, [property: Id(1)] IReadOnlyList<Operand> Candidates) : Condition;

/// <summary>attribute_exists, attribute_not_exists, attribute_type, begins_with or contains.</summary>
[GenerateSerializer, Immutable]
public sealed record FunctionCondition([property: Id(0)] string Name, [property: Id(1)] IReadOnlyList<Operand> Arguments) : Condition;

[GenerateSerializer, Immutable]
public sealed record AndCondition([property: Id(0)] Condition Left, [property: Id(1)] Condition Right) : Condition;

[GenerateSerializer, Immutable]
public sealed record OrCondition([property: Id(0)] Condition Left, [property: Id(1)] Condition Right) : Condition;

[GenerateSerializer, Immutable]
public sealed record NotCondition([property: Id(0)] Condition Inner) : Condition;
