namespace DataTier.Cache.Streams;

/// <summary>A consumer of a group: its name, when it was last seen, and the IDs pending for it.</summary>
public sealed class StreamConsumer(byte[] name, long seenAt)
{
    public byte[] Name { get; } = name;

    /// <summary>Unix ms at which the consumer last read or claimed.</summary>
    public long SeenAt { get; set; } = seenAt;

    public SortedSet<StreamEntryId> Pending { get; } = [];
}
