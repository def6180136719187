using DataTier.Expressions;
using DataTier.Model;

namespace DataTier.Partitions;

/// <summary>
/// Builds a <see cref="RangePage"/> from the items of a range read, in order, by the rules of
/// <see cref="RangeRequest"/>: the limit and the byte budget count every item read, the filter then
/// decides what is returned, the projection shapes it. Shared by partition owners (reading the store)
/// and read replicas (reading memory), so both page alike.
/// </summary>
public sealed class RangePageBuilder(RangeRequest request)
{
    private readonly List<VersionedItem> _items = [];
    private int _scanned;
    private int _bytes;
    private IReadOnlyDictionary<string, AttrValue>? _lastKey;

    /// <summary>The position of the last item read or skipped.</summary>
    public byte[]? LastPosition { get; private set; }

    /// <summary>How many more items the limit allows.</summary>
    public int Remaining => request.Limit - _scanned;

    /// <summary>The limit or the byte budget is reached: the page ends here.</summary>
    public bool Full => _scanned >= request.Limit || _bytes >= request.MaxBytes;

    /// <summary>An entry that is absent to readers (expired, or its item gone): passed over, but the page resumes after it.</summary>
    public void Skip(byte[] position) => LastPosition = position;

    /// <summary>
    /// Reads one item (<paramref name="keySource"/> holds the key attributes the page reports last:
    /// the item's, or a local index entry's); false if it does not fit the byte budget, and the page ends before it.
    /// </summary>
    public bool TryAdd(byte[] position, VersionedItem item, IReadOnlyDictionary<string, AttrValue> keySource)
    {
        var size = item.Size;
        if (_scanned > 0 && _bytes + size > request.MaxBytes) return false;
        _scanned++;
        _bytes += size;
        LastPosition = position;
        if (request.KeyNames is not null) _lastKey = request.KeyNames.ToDictionary(n => n, n => keySource[n], StringComparer.Ordinal);
        if (request.Filter is null || ConditionEvaluator.Evaluate(request.Filter, item.Attributes))
        {
            var attributes = request.Projection is null ? item.Attributes : DocumentPath.Project(item.Attributes, request.Projection);
            _items.Add(new VersionedItem(item.Version, attributes));
        }
        return true;
    }

    public RangePage Build(bool exhausted) => new(_items, _scanned, _bytes, LastPosition, exhausted, _lastKey);
}
