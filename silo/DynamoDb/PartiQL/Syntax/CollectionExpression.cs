namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>A list <c>[a, b]</c> (also <c>(a, b)</c> after IN) or a bag <c>&lt;&lt;a, b&gt;&gt;</c>, which DynamoDB stores as a set.</summary>
public sealed record CollectionExpression(bool IsBag, IReadOnlyList<PartiQLExpression> Items) : PartiQLExpression;
