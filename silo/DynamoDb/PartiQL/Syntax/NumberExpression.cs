namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>A number as written; checked against DynamoDB's number rules when bound, where its place in the value is known.</summary>
public sealed record NumberExpression(string Text) : PartiQLExpression;
