namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary><c>RETURNING (ALL | MODIFIED) (OLD | NEW) *</c>.</summary>
public sealed record ReturningClause(bool Modified, bool New)
{
    public override string ToString() => $"{(Modified ? "MODIFIED" : "ALL")} {(New ? "NEW" : "OLD")} *";
}
