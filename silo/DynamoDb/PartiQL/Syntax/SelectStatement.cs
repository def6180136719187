namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary><c>SELECT paths | * FROM "table"[."index"] [WHERE ...] [ORDER BY key [ASC|DESC], ...]</c>; a null projection is <c>*</c>.</summary>
public sealed record SelectStatement(
    IReadOnlyList<PathExpression>? Projection,
    string Table,
    string? Index,
    PartiQLExpression? Where,
    IReadOnlyList<OrderKey> OrderBy) : PartiQLStatement(Table);
