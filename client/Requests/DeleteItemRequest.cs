using DataTier.Model;

namespace DataTier.Client.Requests;

public sealed record DeleteItemRequest
{
    public required string TableName { get; init; }
    public required IReadOnlyDictionary<string, AttrValue> Key { get; init; }
    public string? ConditionExpression { get; init; }
    public IReadOnlyDictionary<string, string>? ExpressionAttributeNames { get; init; }
    public IReadOnlyDictionary<string, AttrValue>? ExpressionAttributeValues { get; init; }
    public ReturnValues ReturnValues { get; init; } = ReturnValues.NONE;
    public bool ReturnValuesOnConditionCheckFailure { get; init; }
    /// <summary>Optimistic locking by the item's internal version.</summary>
    public long? ExpectedVersion { get; init; }
}
