using DataTier.Model;

namespace DataTier.Client.Expressions;

/// <summary>The expressions of one request, with the placeholder maps they share (null when empty, as DynamoDB wants).</summary>
public sealed record ExpressionSet(
    string? KeyConditionExpression,
    string? UpdateExpression,
    string? ConditionExpression,
    string? FilterExpression,
    string? ProjectionExpression,
    IReadOnlyDictionary<string, string>? ExpressionAttributeNames,
    IReadOnlyDictionary<string, AttrValue>? ExpressionAttributeValues);
