using DataTier.Keys;
using DataTier.Model;
using DataTier.Store;
using DataTier.Tables;

namespace DataTier.Indexes;

/// <summary>
/// Positions of secondary index entries. An entry's position is an <see cref="ItemKey"/> whose hash
/// and partition key are the index's partition key and whose sort part is the index sort key (escaped,
/// so that a variable-length value followed by more bytes keeps its order: each 0x00 byte becomes
/// 0x00 0xFF and the value ends with 0x00 0x00) followed by what makes the entry unique: the table's
/// sort key for a local index (same partition key), the item's whole position for a global one.
/// </summary>
public static class IndexKeys
{
    /// <summary>The position of <paramref name="item"/>'s entry in the index, or null when the item lacks an index key (sparse indexes).</summary>
    public static ItemKey? EntryKey(TableKeySchema table, TableKeySchema index, bool local, IReadOnlyDictionary<string, AttrValue> item)
    {
        if (!Has(item, index.PartitionKey, out var pk)) return null;
        byte[] ordered = [];
        if (index.SortKey is { } sortKey)
        {
            if (!Has(item, sortKey, out var sk)) return null;
            ordered = Ordered(KeyBytes.Of(sk));
        }
        var baseKey = ItemValidator.ItemKeyOf(table, item);
        var pkBytes = KeyBytes.Of(pk);
        byte[] sort = local ? [.. ordered, .. baseKey.SortKey] : [.. ordered, .. baseKey.Encode()];
        return new ItemKey(KeyHash.Compute(pkBytes), pkBytes, sort);
    }

    /// <summary>The escaped value with its terminator.</summary>
    public static byte[] Ordered(ReadOnlySpan<byte> value) => [.. Escaped(value), 0, 0];

    /// <summary>Each 0x00 byte as 0x00 0xFF, no terminator: the prefix of every longer value's escaping.</summary>
    public static byte[] Escaped(ReadOnlySpan<byte> value)
    {
        var result = new List<byte>(value.Length + 2);
        foreach (var b in value)
        {
            result.Add(b);
            if (b == 0) result.Add(0xFF);
        }
        return [.. result];
    }

    /// <summary>The names an index entry always holds: the table's keys and the index's keys.</summary>
    public static IReadOnlyList<string> KeyNames(TableKeySchema table, TableKeySchema index) =>
        ItemValidator.KeyAttributes(table).Concat(ItemValidator.KeyAttributes(index)).Select(k => k.Name).Distinct().ToList();

    /// <summary>The attributes an index entry holds of <paramref name="item"/>.</summary>
    public static IReadOnlyDictionary<string, AttrValue> Project(TableKeySchema table, TableKeySchema index, IndexProjection projection, IReadOnlyDictionary<string, AttrValue> item)
    {
        if (projection.Type == ProjectionType.ALL) return item;
        var result = new Dictionary<string, AttrValue>(StringComparer.Ordinal);
        foreach (var name in KeyNames(table, index)) result[name] = item[name];
        foreach (var name in projection.NonKeyAttributes ?? [])
            if (item.TryGetValue(name, out var value)) result[name] = value;
        return result;
    }

    /// <summary>Whether every top-level name is in the index's entries (always true with ALL).</summary>
    public static bool Covers(TableKeySchema table, TableKeySchema index, IndexProjection projection, IEnumerable<string> names)
    {
        if (projection.Type == ProjectionType.ALL) return true;
        var held = KeyNames(table, index).Concat(projection.NonKeyAttributes ?? []).ToHashSet(StringComparer.Ordinal);
        return names.All(held.Contains);
    }

    private static bool Has(IReadOnlyDictionary<string, AttrValue> item, KeyAttribute key, out AttrValue value) =>
        item.TryGetValue(key.Name, out value!) && value.Type == key.Type;
}
