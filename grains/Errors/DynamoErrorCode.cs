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
    /// <summary>An on-demand table's or index's maximum (OnDemandThroughput) used up.</summary>
    ThrottlingException,
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
    /// <summary>AWS's front end's: signatures (Signature Version 4) and the keys they are made with.</summary>
    MissingAuthenticationTokenException,
    IncompleteSignatureException,
    UnrecognizedClientException,
    InvalidSignatureException,
    AccessDeniedException,
    /// <summary>Version 2017.11.29 of global tables (CreateGlobalTable and the like).</summary>
    GlobalTableAlreadyExistsException,
    GlobalTableNotFoundException,
    ReplicaAlreadyExistsException,
    ReplicaNotFoundException,
    /// <summary>UpdateGlobalTableSettings naming a global secondary index the global table does not have.</summary>
    IndexNotFoundException,
    /// <summary>Application Auto Scaling's: no such scalable target or scaling policy.</summary>
    ObjectNotFoundException,
    /// <summary>A PartiQL INSERT of a key that exists.</summary>
    DuplicateItemException,
}
