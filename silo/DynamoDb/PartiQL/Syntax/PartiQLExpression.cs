namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>A node of a statement's expressions: conditions, values and document paths.</summary>
public abstract record PartiQLExpression;
