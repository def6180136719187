namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary><c>UPDATE "table" SET ... REMOVE ... WHERE key [AND conditions] [RETURNING ...]</c>.</summary>
public sealed record UpdateStatement(string Table, IReadOnlyList<UpdateClause> Clauses, PartiQLExpression? Where, ReturningClause? Returning)
    : PartiQLStatement(Table);
