namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary><c>x IS [NOT] MISSING</c>, or another PartiQL type name (NULL, STRING, NUMERIC ...).</summary>
public sealed record IsExpression(PartiQLExpression Operand, string TypeName, bool Negated) : PartiQLExpression;
