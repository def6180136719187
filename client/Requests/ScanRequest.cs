using DataTier.Model;

namespace DataTier.Client.Requests;

public sealed record ScanRequest
{
    public required string TableName { get; init; }
    public string? IndexName { get; init; }
    public string? ProjectionExpression { get; init; }
    public string? FilterExpression { get; init; }
    public IReadOnlyDictionary<string, string>? ExpressionAttributeNames { get; init; }
    public IReadOnlyDictionary<string, AttrValue>? ExpressionAttributeValues { get; init; }
    public int? Limit { get; init; }
    public IReadOnlyDictionary<string, AttrValue>? ExclusiveStartKey { get; init; }
    public int? Segment { get; init; }
    public int? TotalSegments { get; init; }
    public bool ConsistentRead { get; init; }
    public Select? Select { get; init; }
}
