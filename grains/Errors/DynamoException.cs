using DataTier.Model;

namespace DataTier.Errors;

/// <summary>A request failed the way DynamoDB fails it: with AWS's error type and message.</summary>
[GenerateSerializer]
public sealed class DynamoException : Exception
{
    public DynamoException(DynamoErrorCode code, string message, IReadOnlyDictionary<string, AttrValue>? item = null) : base(message)
    {
        Code = code;
        Item = item;
    }

    [Id(0)] public DynamoErrorCode Code { get; }

    /// <summary>For a failed condition, the item as it stood (ReturnValuesOnConditionCheckFailure).</summary>
    [Id(1)] public IReadOnlyDictionary<string, AttrValue>? Item { get; }

    /// <summary>For a cancelled transaction, one reason per action in request order.</summary>
    [Id(2)] public IReadOnlyList<Transactions.CancellationReason>? CancellationReasons { get; init; }

    /// <summary>For a throttled request, why and on which table or index (DynamoDB's ThrottlingReasons).</summary>
    [Id(3)] public IReadOnlyList<ThrottlingReason>? ThrottlingReasons { get; init; }

    public static DynamoException Validation(string message) => new(DynamoErrorCode.ValidationException, message);

    public static DynamoException TableNotFound() => new(DynamoErrorCode.ResourceNotFoundException, "Requested resource not found");

    public static DynamoException TransactionConflict() =>
        new(DynamoErrorCode.TransactionConflictException, "Transaction is ongoing for the item");

    public static DynamoException TransactionCanceled(IReadOnlyList<Transactions.CancellationReason> reasons) =>
        new(DynamoErrorCode.TransactionCanceledException,
            $"Transaction cancelled, please refer cancellation reasons for specific reasons [{string.Join(", ", reasons.Select(r => r.Code))}]")
        {
            CancellationReasons = reasons,
        };

    /// <summary>A PROVISIONED table's capacity is used up: AWS's retryable throttling error.</summary>
    public static DynamoException ThroughputExceeded() =>
        new(DynamoErrorCode.ProvisionedThroughputExceededException,
            "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.");

    /// <summary>A PROVISIONED table's global secondary index has no read capacity left.</summary>
    public static DynamoException IndexThroughputExceeded() =>
        new(DynamoErrorCode.ProvisionedThroughputExceededException,
            "The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary indexes with the UpdateTable API");

    /// <summary>
    /// An on-demand table or index used up its maximum (OnDemandThroughput): DynamoDB's ThrottlingException, with the reason
    /// (<paramref name="what"/> is Table or Index, then Read or Write) and the ARN of the table or index.
    /// </summary>
    public static DynamoException MaxOnDemandThroughputExceeded(string what, string resourceArn) =>
        new(DynamoErrorCode.ThrottlingException, "Rate of requests exceeds the allowed throughput.")
        {
            ThrottlingReasons = [new ThrottlingReason(what + "MaxOnDemandThroughputExceeded", resourceArn)],
        };

    /// <summary>Whether this is a refusal for want of capacity, which a batch hands back as unprocessed.</summary>
    public bool IsThrottling => Code is DynamoErrorCode.ProvisionedThroughputExceededException or DynamoErrorCode.ThrottlingException;

    public static DynamoException ConditionFailed(IReadOnlyDictionary<string, AttrValue>? item = null) =>
        new(DynamoErrorCode.ConditionalCheckFailedException, "The conditional request failed", item);
}
