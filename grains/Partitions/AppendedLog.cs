using DataTier.Store;

namespace DataTier.Partitions;

/// <summary>
/// One of a partition's internal change logs (the index feed's, point-in-time recovery's, global tables'): its name
/// and the next sequence number, loaded from the store when first used in an activation. Writes of a partition
/// are serialized by its grain, so numbering here is safe.
/// </summary>
internal sealed class AppendedLog(string name)
{
    public string Name { get; } = name;

    /// <summary>Whether the next sequence has been loaded in this activation.</summary>
    public bool Opened { get; private set; }

    public long Next { get; private set; }

    /// <summary>The sequence of the newest record (0 when none).</summary>
    public long Last => Next - 1;

    public async ValueTask<AppendedLog> OpenAsync(ITableStore store, Guid tableId)
    {
        if (Opened) return this;
        Next = await store.LastChangeSequenceAsync(tableId, Name) + 1;
        Opened = true;
        return this;
    }

    /// <summary>A record of this log at the next sequence, which it takes.</summary>
    public ChangeRecord Append(byte[] payload) => new(Name, Next++, payload);
}
