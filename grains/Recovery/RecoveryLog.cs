namespace DataTier.Recovery;

/// <summary>
/// Where point-in-time recovery keeps its data: in each partition, a change log of the items' new images
/// (written in the same atomic batch as the items), and per table a base image, the items as they were
/// at the oldest moment still restorable, into which records past the recovery period are folded.
/// </summary>
public static class RecoveryLog
{
    /// <summary>Stream labels are timestamps and the index feed's logs start with <c>gsi/</c>, so this cannot collide.</summary>
    public static string NameOf(int partition) => $"pitr/{partition}";

    private static readonly byte[] BaseMask = new Guid("70697472-0000-4000-8000-626173650000").ToByteArray();

    /// <summary>The reserved table id under which a table's base image is kept.</summary>
    public static Guid BaseTableOf(Guid tableId)
    {
        var bytes = tableId.ToByteArray();
        for (var i = 0; i < bytes.Length; i++) bytes[i] ^= BaseMask[i];
        return new Guid(bytes);
    }
}
