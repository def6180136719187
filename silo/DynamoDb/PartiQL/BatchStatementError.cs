using DataTier.Errors;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>A statement of a BatchExecuteStatement that failed: its Error's Code (DynamoDB's short names) and Message.</summary>
public sealed record BatchStatementError(string Code, string Message)
{
    public static BatchStatementError Of(DynamoException e) => new(e.Code switch
    {
        DynamoErrorCode.ConditionalCheckFailedException => "ConditionalCheckFailed",
        DynamoErrorCode.DuplicateItemException => "DuplicateItem",
        DynamoErrorCode.ResourceNotFoundException => "ResourceNotFound",
        DynamoErrorCode.ProvisionedThroughputExceededException => "ProvisionedThroughputExceeded",
        DynamoErrorCode.ThrottlingException => "ThrottlingError",
        DynamoErrorCode.TransactionConflictException => "TransactionConflict",
        DynamoErrorCode.ItemCollectionSizeLimitExceededException => "ItemCollectionSizeLimitExceeded",
        DynamoErrorCode.AccessDeniedException => "AccessDenied",
        DynamoErrorCode.InternalServerError => "InternalServerError",
        _ => "ValidationError",
    }, e.Message);
}
