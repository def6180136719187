using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Client.Results;
using DataTier.Errors;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>Runs a write statement as its single-item operation; an INSERT whose key is taken is a DuplicateItemException.</summary>
public sealed class PartiQLWrites(ITableClient tables)
{
    public async Task<WriteItemResult> RunAsync(WritePlan plan, bool returnOnFailure)
    {
        try
        {
            return plan.Kind switch
            {
                WriteKind.Insert => await tables.PutItemAsync(new PutItemRequest
                {
                    TableName = plan.Table,
                    Item = plan.Attributes,
                    ConditionExpression = plan.ConditionExpression,
                    ExpressionAttributeNames = plan.Names,
                }),
                WriteKind.Update => await tables.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = plan.Table,
                    Key = plan.Attributes,
                    UpdateExpression = plan.UpdateExpression,
                    ConditionExpression = plan.ConditionExpression,
                    ExpressionAttributeNames = plan.Names,
                    ExpressionAttributeValues = plan.Values,
                    ReturnValues = plan.ReturnValues,
                    ReturnValuesOnConditionCheckFailure = returnOnFailure,
                }),
                WriteKind.Delete => await tables.DeleteItemAsync(new DeleteItemRequest
                {
                    TableName = plan.Table,
                    Key = plan.Attributes,
                    ConditionExpression = plan.ConditionExpression,
                    ExpressionAttributeNames = plan.Names,
                    ExpressionAttributeValues = plan.Values,
                    ReturnValues = plan.ReturnValues,
                    ReturnValuesOnConditionCheckFailure = returnOnFailure,
                }),
                _ => throw PartiQLErrors.Validation("EXISTS can only be used in ExecuteTransaction write requests."),
            };
        }
        catch (DynamoException e) when (plan.Kind == WriteKind.Insert && e.Code == DynamoErrorCode.ConditionalCheckFailedException)
        {
            throw PartiQLErrors.Duplicate();
        }
        catch (DynamoException e)
        {
            throw PartiQLRequest.WithoutExpressionName(e);
        }
    }

    /// <summary>What RETURNING gives back: the item, or nothing when there is none (a MODIFIED projection may be empty).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, Model.AttrValue>> Returned(WriteItemResult result) =>
        result.Attributes is { Count: > 0 } attributes ? [attributes] : [];
}
