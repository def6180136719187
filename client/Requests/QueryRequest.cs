using DataTier.Model;

namespace DataTier.Client.Requests;

public sealed record QueryRequest
{
    public required string TableName { get; init; }
    public string? IndexName { get; init; }
    public required string KeyConditionExpression { get; init; }
    public string? ProjectionExpression { get; init; }
    public string? FilterExpression { get; init; }
    public IReadOnlyDictionary<string, string>? ExpressionAttributeNames { get; init; }
    public IReadOnlyDictionary<string, AttrValue>? ExpressionAttributeValues { get; init; }
    public bool ScanIndexForward { get; init; } = true;
    public int? Limit { get; init; }
    public IReadOnlyDictionary<string, AttrValue>? ExclusiveStartKey { get; init; }
    public bool ConsistentRead { get; init; }
    public Select? Select { get; init; }
    /// <summary>PartiQL's WHERE: the filter may test key attributes, which a Query's FilterExpression may not.</summary>
    public bool FilterMayNameKeys { get; init; }
    /// <summary>How a refusal names the filter: the legacy QueryFilter is named as such.</summary>
    public string FilterName { get; init; } = "Filter Expression";
}
