namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>A <c>?</c>, bound to the request's Parameters by its position (from 0).</summary>
public sealed record ParameterExpression(int Index) : PartiQLExpression;
