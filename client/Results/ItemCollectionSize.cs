using DataTier.Model;

namespace DataTier.Client.Results;

/// <summary>
/// ItemCollectionMetrics of a write to a table with local secondary indexes: the partition key of the
/// item's collection and its size (items plus local index entries) after the write.
/// </summary>
public sealed record ItemCollectionSize(IReadOnlyDictionary<string, AttrValue> ItemCollectionKey, long SizeBytes)
{
    private const double BytesPerGB = 1024d * 1024 * 1024;

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
