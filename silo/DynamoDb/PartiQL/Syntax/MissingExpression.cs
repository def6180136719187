namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>The MISSING literal, which DynamoDB accepts only after IS.</summary>
public sealed record MissingExpression : PartiQLExpression;
