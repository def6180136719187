using DataTier.Model;

namespace DataTier.Partitions;

/// <summary>
/// An item with the version its partition gave it at its last write. On the wire it travels in the
/// store's compact encoding (<see cref="VersionedItemSurrogate"/>), which costs a fraction of Orleans'
/// field-by-field serialization of the attribute dictionary.
/// </summary>
[Immutable]
public sealed record VersionedItem(long Version, IReadOnlyDictionary<string, AttrValue> Attributes)
{
    // Items are immutable, so their size is counted once: reads of a cached item would otherwise count a
    // kilobyte item's UTF-8 bytes on every GetItem (measured: a tenth of the endpoint's CPU per read).
    private int _size = -1;
    private byte[]? _json;
    private IEncodingHolder? _holder;

    /// <summary>An item whose size the caller may have counted already (an update's, from the item before it); -1 if not.</summary>
    internal VersionedItem(long version, IReadOnlyDictionary<string, AttrValue> attributes, int size) : this(version, attributes)
    {
        _size = size;
    }

    /// <summary>A copy (a <c>with</c> expression) counts its own size and makes its own encoding again.</summary>
    private VersionedItem(VersionedItem original)
    {
        Version = original.Version;
        Attributes = original.Attributes;
    }

    /// <summary>The item's size by DynamoDB's rules (<see cref="ItemSize"/>).</summary>
    public int Size
    {
        get
        {
            var size = _size;
            if (size < 0) _size = size = ItemSize.Of(Attributes);
            return size;
        }
    }

    /// <summary>
    /// The item in an endpoint's wire encoding, made by <paramref name="encode"/> on the first call and kept
    /// with the item from then on: a partition's memory holds each version of an item once, so a repeated
    /// read of it writes the kept bytes instead of encoding the attributes again.
    /// </summary>
    public byte[] Encoded(Func<IReadOnlyDictionary<string, AttrValue>, byte[]> encode)
    {
        if (Volatile.Read(ref _json) is { } kept) return kept;
        var json = encode(Attributes);
        if (Interlocked.CompareExchange(ref _json, json, null) is { } first) return first;
        Volatile.Read(ref _holder)?.Kept(this, json.Length);
        return json;
    }

    /// <summary>The length of the kept encoding; 0 until one is made.</summary>
    internal int EncodedBytes => Volatile.Read(ref _json)?.Length ?? 0;

    /// <summary>Where the item's memory is counted from now on: told the kept encoding's length when it is made.</summary>
    internal void HeldBy(IEncodingHolder holder) => Volatile.Write(ref _holder, holder);

    /// <summary>Forgets the holder, unless another has taken the item since.</summary>
    internal void ReleasedBy(IEncodingHolder holder) => Interlocked.CompareExchange(ref _holder, null, holder);

    public bool Equals(VersionedItem? other) =>
        other is not null && Version == other.Version && EqualityComparer<IReadOnlyDictionary<string, AttrValue>>.Default.Equals(Attributes, other.Attributes);

    public override int GetHashCode() => HashCode.Combine(Version, Attributes);
}
