namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

public sealed record OrderKey(PathExpression Path, bool Descending);
