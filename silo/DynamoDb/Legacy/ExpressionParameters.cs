namespace DataTier.Silo.DynamoDb.Legacy;

/// <summary>
/// An operation's expression parameters and the legacy parameters they replace, in the order AWS lists
/// them in its errors ("Can not use both ...", "ExpressionAttributeValues can only be specified ...").
/// </summary>
public sealed record ExpressionParameters(string[] Expressions, string[] Legacy)
{
    public static ExpressionParameters PutOrDelete { get; } = new(["ConditionExpression"], ["Expected", "ConditionalOperator"]);
    public static ExpressionParameters Update { get; } = new(["UpdateExpression", "ConditionExpression"], ["AttributeUpdates", "Expected", "ConditionalOperator"]);
    public static ExpressionParameters Get { get; } = new(["ProjectionExpression"], ["AttributesToGet"]);
    public static ExpressionParameters Query { get; } = new(["ProjectionExpression", "FilterExpression", "KeyConditionExpression"], ["AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"]);
    public static ExpressionParameters Scan { get; } = new(["ProjectionExpression", "FilterExpression"], ["AttributesToGet", "ScanFilter", "ConditionalOperator"]);
}
