using DataTier.Store;

namespace DataTier.Partitions;

/// <summary>
/// What the item changes of one write add to its atomic store batch: the records of the partition's change logs,
/// the entries of key spaces beside the items (global tables' stamps), and the sequence of the last record of the
/// user's stream, announced once the batch is stored (0 when there is none).
/// </summary>
internal sealed record ChangeBatch(List<ChangeRecord>? Records, List<IndexEntryWrite>? Entries, long LastStreamSequence)
{
    public static readonly ChangeBatch None = new(null, null, 0);

    /// <summary>The write's own index entries (<paramref name="entries"/>, a local index's) with this batch's.</summary>
    public List<IndexEntryWrite>? EntriesWith(List<IndexEntryWrite>? entries)
    {
        if (Entries is null) return entries;
        if (entries is null) return Entries;
        entries.AddRange(Entries);
        return entries;
    }
}
