using DataTier.Errors;

namespace DataTier.Recovery;

/// <summary>DynamoDB's errors for point-in-time recovery.</summary>
public static class RecoveryErrors
{
    public static DynamoException Unavailable(string table) =>
        new(DynamoErrorCode.PointInTimeRecoveryUnavailableException, $"Point in time recovery is not enabled for table '{table}'");

    public static DynamoException InvalidTime(DateTimeOffset earliest, DateTimeOffset latest) =>
        new(DynamoErrorCode.InvalidRestoreTimeException,
            $"RestoreDateTime must be between EarliestRestorableDateTime ({earliest.UtcDateTime:O}) and LatestRestorableDateTime ({latest.UtcDateTime:O})");

    public static DynamoException TableNotFound(string table) => new(DynamoErrorCode.TableNotFoundException, $"Table not found: {table}");
}
