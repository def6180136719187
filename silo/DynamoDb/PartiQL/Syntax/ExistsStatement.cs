namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary><c>EXISTS(SELECT * FROM "table" WHERE key AND conditions)</c>: a condition check, in a transaction of writes.</summary>
public sealed record ExistsStatement(SelectStatement Select) : PartiQLStatement(Select.Table);
