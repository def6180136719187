using DataTier.Model;

namespace DataTier.Client.Results;

/// <summary>
/// ItemCollectionMetrics of a write to a table with local secondary indexes: the partition key of the
/// item's collection and its size (items plus local index entries) after the write.
/// </summary>
public sealed record ItemCollectionSize(IReadOnlyDictionary<string, AttrValue> ItemCollectionKey, long SizeBytes)
{
    private const double BytesPerGB = 1024d * 1024 * 1024;

    /// <summary>
    /// ItemCollectionMetrics of a multi-item write: per table, each collection written to once, with
    /// the largest size any of its writes saw; tables without collections are left out.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ItemCollectionSize>> ByTable(IEnumerable<(string Table, ItemCollectionSize? Collection)> writes) =>
        writes.Where(w => w.Collection is not null)
            .GroupBy(w => w.Table, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ItemCollectionSize>)g
                .GroupBy(w => w.Collection!.ItemCollectionKey.Single().Value)
                .Select(c => c.Select(w => w.Collection!).MaxBy(w => w.SizeBytes)!)
                .ToList(), StringComparer.Ordinal);

    /// <summary>DynamoDB's estimate: a range of gigabytes the size lies in.</summary>
    public (double Low, double High) SizeEstimateRangeGB
    {
        get
        {
            var low = Math.Floor(SizeBytes / BytesPerGB);
            return (low, low + 1);
        }
    }
}
