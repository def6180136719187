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
        return new PutItemRequest
        {
            TableName = request.TableName,
            Item = request.Item,
            ConditionExpression = e.ConditionExpression,
            ExpressionAttributeNames = e.ExpressionAttributeNames,
            ExpressionAttributeValues = e.ExpressionAttributeValues,
            ReturnValues = request.ReturnValues,
            ReturnValuesOnConditionCheckFailure = request.ReturnValuesOnConditionCheckFailure,
            ExpectedVersion = request.ExpectedVersion,
        };
    }

    public static DeleteItemRequest WithCondition(this DeleteItemRequest request, ConditionBuilder condition)
    {
        var e = new ExpressionBuilder().WithCondition(condition).Build();
        return new DeleteItemRequest
        {
            TableName = request.TableName,
            Key = request.Key,
            ConditionExpression = e.ConditionExpression,
            ExpressionAttributeNames = e.ExpressionAttributeNames,
            ExpressionAttributeValues = e.ExpressionAttributeValues,
            ReturnValues = request.ReturnValues,
            ReturnValuesOnConditionCheckFailure = request.ReturnValuesOnConditionCheckFailure,
            ExpectedVersion = request.ExpectedVersion,
        };
    }

    public static UpdateItemRequest WithUpdate(this UpdateItemRequest request, UpdateBuilder update, ConditionBuilder? condition = null)
    {
        var e = new ExpressionBuilder().WithUpdate(update).WithCondition(condition).Build();
        return new UpdateItemRequest
        {
            TableName = request.TableName,
            Key = request.Key,
            UpdateExpression = e.UpdateExpression,
            ConditionExpression = e.ConditionExpression,
            ExpressionAttributeNames = e.ExpressionAttributeNames,
            ExpressionAttributeValues = e.ExpressionAttributeValues,
            ReturnValues = request.ReturnValues,
            ReturnValuesOnConditionCheckFailure = request.ReturnValuesOnConditionCheckFailure,
            ExpectedVersion = request.ExpectedVersion,
        };
    }

    public static GetItemRequest WithProjection(this GetItemRequest request, ProjectionBuilder projection)
    {
        var e = new ExpressionBuilder().WithProjection(projection).Build();
        return new GetItemRequest
        {
            TableName = request.TableName,
            Key = request.Key,
            ProjectionExpression = e.ProjectionExpression,
            ExpressionAttributeNames = e.ExpressionAttributeNames,
            ConsistentRead = request.ConsistentRead,
        };
    }

    /// <summary>Sets the key condition (replacing the request's KeyConditionExpression), and optionally a filter and a projection.</summary>
    public static QueryRequest WithKeyCondition(this QueryRequest request, KeyConditionBuilder keyCondition, ConditionBuilder? filter = null, ProjectionBuilder? projection = null)
    {
        var e = new ExpressionBuilder().WithKeyCondition(keyCondition).WithFilter(filter).WithProjection(projection).Build();
        return new QueryRequest
        {
            TableName = request.TableName,
            IndexName = request.IndexName,
            KeyConditionExpression = e.KeyConditionExpression!,
            ProjectionExpression = e.ProjectionExpression,
            FilterExpression = e.FilterExpression,
            ExpressionAttributeNames = e.ExpressionAttributeNames,
            ExpressionAttributeValues = e.ExpressionAttributeValues,
            ScanIndexForward = request.ScanIndexForward,
            Limit = request.Limit,
            ExclusiveStartKey = request.ExclusiveStartKey,
            ConsistentRead = request.ConsistentRead,
            Select = request.Select,
        };
    }

    public static ScanRequest WithFilter(this ScanRequest request, ConditionBuilder? filter, ProjectionBuilder? projection = null)
    {
        var e = new ExpressionBuilder().WithFilter(filter).WithProjection(projection).Build();
        return new ScanRequest
        {
            TableName = request.TableName,
            IndexName = request.IndexName,
            ProjectionExpression = e.ProjectionExpression,
            FilterExpression = e.FilterExpression,
            ExpressionAttributeNames = e.ExpressionAttributeNames,
            ExpressionAttributeValues = e.ExpressionAttributeValues,
            Limit = request.Limit,
            ExclusiveStartKey = request.ExclusiveStartKey,
            Segment = request.Segment,
            TotalSegments = request.TotalSegments,
            ConsistentRead = request.ConsistentRead,
            Select = request.Select,
        };
    }
}
