using DataTier.Model;

namespace DataTier.Client.Requests;

/// <summary>One item of TransactGetItems.</summary>
public sealed record TransactGetItem
{
    public required string TableName { get; init; }
    public required IReadOnlyDictionary<string, AttrValue> Key { get; init; }
    public string? ProjectionExpression { get; init; }
    public IReadOnlyDictionary<string, string>? ExpressionAttributeNames { get; init; }
}
