namespace DataTier.Store.DynamoDb;

/// <summary>
/// A batch was not applied because another writer took it for abandoned (it held its locks longer
/// than <see cref="DynamoDbStoreOptions.LockTimeout"/>) and aborted it. Nothing of it was written.
/// </summary>
public sealed class StoreWriteAbortedException(Guid batchId)
    : Exception($"Batch {batchId} was aborted by another writer after its lock timeout; nothing of it was written")
{
    public Guid BatchId { get; } = batchId;
}
