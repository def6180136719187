namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>One action of an UPDATE: <c>SET path = value</c>, or <c>REMOVE path</c> when <see cref="Value"/> is null.</summary>
public sealed record UpdateClause(PathExpression Path, PartiQLExpression? Value);
