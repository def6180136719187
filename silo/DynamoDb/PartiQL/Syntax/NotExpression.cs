namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

public sealed record NotExpression(PartiQLExpression Operand) : PartiQLExpression;
