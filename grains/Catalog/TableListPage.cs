namespace DataTier.Catalog;

/// <summary>One page of ListTables: names in order, and the last one when more follow.</summary>
[GenerateSerializer, Immutable]
public sealed record TableListPage([property: Id(0)] IReadOnlyList<string> TableNames, [property: Id(1)] string? LastEvaluatedTableName);
