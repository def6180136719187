namespace DataTier.Errors;

/// <summary>DynamoDB's error types; the HTTP endpoint sends these names and the statuses AWS uses.</summary>
public enum DynamoErrorCode
{
    ValidationException,
    ResourceNotFoundException,
    ResourceInUseException,
    ConditionalCheckFailedException,
    SerializationException,
    UnknownOperationException,
    ItemCollectionSizeLimitExceededException,
    ProvisionedThroughputExceededException,
    InternalServerError,
    LimitExceededException,
    TransactionCanceledException,
    TransactionConflictException,
    TransactionInProgressException,
    IdempotentParameterMismatchException,
    ExpiredIteratorException,
    TrimmedDataAccessException,
    BackupNotFoundException,
    TableNotFoundException,
    TableAlreadyExistsException,
    PointInTimeRecoveryUnavailableException,
    InvalidRestoreTimeException,
    /// <summary>Application Auto Scaling's: no such scalable target or scaling policy.</summary>
    ObjectNotFoundException,
}
