namespace DataTier.Tests.Expressions.Properties;

/// <summary>The reference condition AST: generated, rendered to text for the engine, evaluated directly by the reference.</summary>
public abstract record RCondition;

/// <summary>Op is one of = &lt;&gt; &lt; &lt;= &gt; &gt;=.</summary>
public sealed record RCompare(string Op, ROperand Left, ROperand Right) : RCondition
{
    public override string ToString() => $"{Left} {Op} {Right}";
}

public sealed record RBetween(ROperand Value, ROperand Low, ROperand High) : RCondition
{
    public override string ToString() => $"{Value} BETWEEN {Low} AND {High}";
}

public sealed record RIn(ROperand Value, IReadOnlyList<ROperand> Candidates) : RCondition
{
    public override string ToString() => $"{Value} IN ({string.Join(", ", Candidates)})";
}

/// <summary>attribute_exists, attribute_not_exists (Argument null), attribute_type, begins_with, contains.</summary>
public sealed record RFunction(string Name, RPath Path, RValue? Argument) : RCondition
{
    public override string ToString() => Argument is null ? $"{Name}({Path})" : $"{Name}({Path}, {Argument})";
}

public sealed record RAnd(RCondition Left, RCondition Right) : RCondition
{
    public override string ToString() => $"({Left} AND {Right})";
}

public sealed record ROr(RCondition Left, RCondition Right) : RCondition
{
    public override string ToString() => $"({Left} OR {Right})";
}

public sealed record RNot(RCondition Inner) : RCondition
{
    public override string ToString() => $"(NOT {Inner})";
}
