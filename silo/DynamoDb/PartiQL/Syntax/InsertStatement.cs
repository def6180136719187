namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary><c>INSERT INTO "table" VALUE {...}</c>; <see cref="Returning"/> is parsed only to be refused as DynamoDB refuses it.</summary>
public sealed record InsertStatement(string Table, PartiQLExpression Item, ReturningClause? Returning) : PartiQLStatement(Table);
