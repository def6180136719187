namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary><c>x BETWEEN low AND high</c>, bounds included.</summary>
public sealed record BetweenExpression(PartiQLExpression Operand, PartiQLExpression Low, PartiQLExpression High) : PartiQLExpression;
