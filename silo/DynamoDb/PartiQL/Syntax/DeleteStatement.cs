namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary><c>DELETE FROM "table" WHERE key [AND conditions] [RETURNING ALL OLD *]</c>.</summary>
public sealed record DeleteStatement(string Table, PartiQLExpression? Where, ReturningClause? Returning) : PartiQLStatement(Table);
