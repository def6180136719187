namespace DataTier.Store.DynamoDb;

/// <summary>
/// An item row as read: its committed version and value (inline, or a blob reference), and the lock
/// of a batch in progress, if any. A row with a lock and no version is a placeholder: the item does
/// not exist (yet).
/// </summary>
internal sealed record StoreRow(byte[] Position, long Version, byte[]? Data, byte[]? BlobRef, int BlobChunks, Guid? Lock, long LockedAtMs, Guid? WriteId)
{
    public bool Exists => Version > 0;
}
