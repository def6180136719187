namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>A function call; names are matched without regard to case.</summary>
public sealed record CallExpression(string Name, IReadOnlyList<PartiQLExpression> Arguments) : PartiQLExpression
{
    public bool Is(string name) => Name.Equals(name, StringComparison.OrdinalIgnoreCase);
}
