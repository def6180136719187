namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>A tuple <c>{'k': v, ...}</c>, a map (or an INSERT's item); keys must be strings.</summary>
public sealed record StructExpression(IReadOnlyList<KeyValuePair<PartiQLExpression, PartiQLExpression>> Members) : PartiQLExpression;
