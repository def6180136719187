using DataTier.Client.Requests;

namespace DataTier.Client.Expressions;

/// <summary>
/// Puts built expressions on requests: each method returns a copy of the request with the given
/// expressions and their ExpressionAttributeNames and ExpressionAttributeValues (replacing any the request had).
/// </summary>
public static class RequestExpressionExtensions
{
    public static PutItemRequest WithCondition(this PutItemRequest request, ConditionBuilder condition)
    {
        var e = new ExpressionBuilder().WithCondition(condition).Build();
        return request with
        {
            ConditionExpression = e.ConditionExpression,
            ExpressionAttributeNames = e.ExpressionAttributeNames,
            ExpressionAttributeValues = e.ExpressionAttributeValues,
        };
    }

    public static DeleteItemRequest WithCondition(this DeleteItemRequest request, ConditionBuilder condition)
    {
        var e = new ExpressionBuilder().WithCondition(condition).Build();
        return request with
        {
            ConditionExpression = e.ConditionExpression,
            ExpressionAttributeNames = e.ExpressionAttributeNames,
            ExpressionAttributeValues = e.ExpressionAttributeValues,
        };
    }

    public static UpdateItemRequest WithUpdate(this UpdateItemRequest request, UpdateBuilder update, ConditionBuilder? condition = null)
    {
        var e = new ExpressionBuilder().WithUpdate(update).WithCondition(condition).Build();
        return request with
        {
            UpdateExpression = e.UpdateExpression,
            ConditionExpression = e.ConditionExpression,
            ExpressionAttributeNames = e.ExpressionAttributeNames,
            ExpressionAttributeValues = e.ExpressionAttributeValues,
        };
    }

    public static GetItemRequest WithProjection(this GetItemRequest request, ProjectionBuilder projection)
    {
        var e = new ExpressionBuilder().WithProjection(projection).Build();
        return request with
        {
            ProjectionExpression = e.ProjectionExpression,
            ExpressionAttributeNames = e.ExpressionAttributeNames,
        };
    }

    /// <summary>Sets the key condition (replacing the request's KeyConditionExpression), and optionally a filter and a projection.</summary>
    public static QueryRequest WithKeyCondition(this QueryRequest request, KeyConditionBuilder keyCondition, ConditionBuilder? filter = null, ProjectionBuilder? projection = null)
    {
        var e = new ExpressionBuilder().WithKeyCondition(keyCondition).WithFilter(filter).WithProjection(projection).Build();
        return request with
        {
            KeyConditionExpression = e.KeyConditionExpression!,
            ProjectionExpression = e.ProjectionExpression,
            FilterExpression = e.FilterExpression,
            ExpressionAttributeNames = e.ExpressionAttributeNames,
            ExpressionAttributeValues = e.ExpressionAttributeValues,
        };
    }

    public static ScanRequest WithFilter(this ScanRequest request, ConditionBuilder? filter, ProjectionBuilder? projection = null)
    {
        var e = new ExpressionBuilder().WithFilter(filter).WithProjection(projection).Build();
        return request with
        {
            ProjectionExpression = e.ProjectionExpression,
            FilterExpression = e.FilterExpression,
            ExpressionAttributeNames = e.ExpressionAttributeNames,
            ExpressionAttributeValues = e.ExpressionAttributeValues,
        };
    }
}
