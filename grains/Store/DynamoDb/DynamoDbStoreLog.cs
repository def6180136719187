using Microsoft.Extensions.Logging;

namespace DataTier.Store.DynamoDb;

internal static partial class DynamoDbStoreLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Completing batch {BatchId} of table {TableId}, committed by a writer that did not finish it")]
    public static partial void RollingForward(ILogger logger, Guid batchId, Guid tableId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aborting batch {BatchId} of table {TableId}: it has held a lock for longer than {LockTimeout} without committing")]
    public static partial void AbortingAbandoned(ILogger logger, Guid batchId, Guid tableId, TimeSpan lockTimeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "DynamoDB store ready: table {Table} at {Endpoint}")]
    public static partial void Ready(ILogger logger, string table, string endpoint);
}
