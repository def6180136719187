using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Indexes;

/// <summary>
/// The write capacity units one write of a base item costs a secondary index, by DynamoDB's rules: nothing
/// when the item is in the index neither before nor after, or stays under the same index key with the same
/// projected attributes; one write of the entry (its projected size in 1 KB units) when it enters, leaves, or
/// changes its projected attributes; two (the old entry deleted, the new one put) when its index key changes.
/// </summary>
public static class IndexWriteUnits
{
    /// <summary>What the write costs a global secondary index (charged to the index's own write units).</summary>
    public static double Of(TableDescription table, GlobalSecondaryIndex index,
        IReadOnlyDictionary<string, AttrValue>? old, IReadOnlyDictionary<string, AttrValue>? updated) =>
        Of(table.KeySchema, index.KeySchema, index.Projection, local: false, old, updated);

    /// <summary>What the write costs a local secondary index (charged to the table's write units, as in DynamoDB).</summary>
    public static double Of(TableDescription table, LocalSecondaryIndex index,
        IReadOnlyDictionary<string, AttrValue>? old, IReadOnlyDictionary<string, AttrValue>? updated) =>
        Of(table.KeySchema, index.KeySchema, index.Projection, local: true, old, updated);

    private static double Of(TableKeySchema table, TableKeySchema index, IndexProjection projection, bool local,
        IReadOnlyDictionary<string, AttrValue>? old, IReadOnlyDictionary<string, AttrValue>? updated)
    {
        var oldKey = old is null ? null : IndexKeys.EntryKey(table, index, local, old);
        var newKey = updated is null ? null : IndexKeys.EntryKey(table, index, local, updated);
        if (oldKey is null && newKey is null) return 0;
        var oldEntry = oldKey is null ? null : IndexKeys.Project(table, index, projection, old!);
        var newEntry = newKey is null ? null : IndexKeys.Project(table, index, projection, updated!);
        if (oldEntry is null) return Units(newEntry!);
        if (newEntry is null) return Units(oldEntry);
        if (!oldKey!.Value.Encode().AsSpan().SequenceEqual(newKey!.Value.Encode())) return Units(oldEntry) + Units(newEntry);
        return SameAttributes(oldEntry, newEntry) ? 0 : Units(newEntry);
    }

    private static double Units(IReadOnlyDictionary<string, AttrValue> entry) => Math.Max(1, (ItemSize.Of(entry) + 1023) / 1024);

    private static bool SameAttributes(IReadOnlyDictionary<string, AttrValue> a, IReadOnlyDictionary<string, AttrValue> b)
    {
        if (a.Count != b.Count) return false;
        foreach (var (name, value) in a)
            if (!b.TryGetValue(name, out var other) || !value.Equals(other)) return false;
        return true;
    }
}
