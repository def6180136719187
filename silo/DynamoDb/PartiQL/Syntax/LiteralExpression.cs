using DataTier.Model;

namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>A string, TRUE, FALSE or NULL.</summary>
public sealed record LiteralExpression(AttrValue Value) : PartiQLExpression;
