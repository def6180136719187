namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary><c>x IN [a, b]</c>; the candidates are a list, or a parameter holding one.</summary>
public sealed record InExpression(PartiQLExpression Operand, PartiQLExpression Candidates) : PartiQLExpression;
