using DataTier.Model;

namespace DataTier.Client.Requests;

public sealed record GetItemRequest
{
    public required string TableName { get; init; }
    public required IReadOnlyDictionary<string, AttrValue> Key { get; init; }
    public string? ProjectionExpression { get; init; }
    public IReadOnlyDictionary<string, string>? ExpressionAttributeNames { get; init; }
    /// <summary>Reads are always strongly consistent here: the partition grain serves the latest write.</summary>
    public bool ConsistentRead { get; init; }
}
