namespace DataTier.Store;

/// <summary>
/// The durable store behind partition grains (DESIGN.md, decision 3): item-granular reads, ordered
/// range reads, and atomic batches of version-conditional item writes plus change records. Items
/// are addressed by table id and encoded position (<see cref="ItemKey.Encode"/>).
/// </summary>
public interface ITableStore
{
    ValueTask<StoredItem?> GetAsync(Guid tableId, byte[] position);

    /// <summary>Items in <paramref name="range"/> in position order (descending if <paramref name="reverse"/>), at most <paramref name="limit"/>.</summary>
    ValueTask<IReadOnlyList<StoredItem>> ReadRangeAsync(Guid tableId, KeyRange range, bool reverse, int limit);

    /// <summary>
    /// Applies every write, change record and index entry write, or none: throws
    /// <see cref="VersionConflictException"/> if any expected version of <paramref name="writes"/> differs.
    /// </summary>
    ValueTask WriteAsync(Guid tableId, IReadOnlyList<ItemWrite> writes, IReadOnlyList<ChangeRecord>? changes = null,
        IReadOnlyList<IndexEntryWrite>? indexEntries = null);

    /// <summary>
    /// Entries of one local secondary index (written by <see cref="IndexEntryWrite"/>) in <paramref name="range"/>,
    /// in position order (descending if <paramref name="reverse"/>), at most <paramref name="limit"/>;
    /// <see cref="StoredItem.Position"/> is the entry's position.
    /// </summary>
    ValueTask<IReadOnlyList<StoredItem>> ReadIndexRangeAsync(Guid tableId, string index, KeyRange range, bool reverse, int limit);

    /// <summary>One entry of a local secondary index (or another key space of entries), by its position; null when absent.</summary>
    async ValueTask<StoredItem?> GetIndexEntryAsync(Guid tableId, string index, byte[] position)
    {
        var found = await ReadIndexRangeAsync(tableId, index, new KeyRange(position, true, position, true), false, 1);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>
    /// How many items (or entries of local index <paramref name="index"/>) <paramref name="range"/> holds, and their size
    /// by DynamoDB's rules. By default read page by page; a store that can measure stored values without decoding them does.
    /// </summary>
    ValueTask<(long Count, long Bytes)> CountAsync(Guid tableId, KeyRange range, string? index = null) =>
        new(this.CountByPagesAsync(tableId, range, index));

    /// <summary>Change records of one log with sequence at or above <paramref name="fromSequence"/>, in order.</summary>
    ValueTask<IReadOnlyList<ChangeRecord>> ReadChangesAsync(Guid tableId, string log, long fromSequence, int limit);

    /// <summary>The highest sequence number in a log; 0 when the log is empty.</summary>
    ValueTask<long> LastChangeSequenceAsync(Guid tableId, string log);

    /// <summary>Removes the records of a log whose sequence is below <paramref name="beforeSequence"/>.</summary>
    ValueTask TrimChangesAsync(Guid tableId, string log, long beforeSequence);

    /// <summary>Removes every item, change record and index entry of a table.</summary>
    ValueTask DeleteTableDataAsync(Guid tableId);

    /// <summary>All catalog entries (table descriptions), by name.</summary>
    ValueTask<IReadOnlyDictionary<string, byte[]>> ReadCatalogAsync();

    /// <summary>Stores or (with null) removes a catalog entry; durable on return.</summary>
    ValueTask PutCatalogEntryAsync(string name, byte[]? value);
}
