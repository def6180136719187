using DataTier.Silo.DynamoDb.PartiQL.Syntax;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// A SELECT as the reads it runs, in order: a Query per partition key value its WHERE names (sort-key conditions as
/// key conditions, the rest as a filter), or one Scan with the whole WHERE as its filter.
/// </summary>
public sealed record SelectPlan(string Table, IReadOnlyList<SelectRead> Reads, IReadOnlyList<PathExpression>? Projection);
