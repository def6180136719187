namespace DataTier.Cache.Keyspace;

/// <summary>Compares cache entries by their key, and finds one by a key span without allocating.</summary>
internal sealed class EntryKeyComparer : IEqualityComparer<CacheEntry>, IAlternateEqualityComparer<ReadOnlySpan<byte>, CacheEntry>
{
    public static readonly EntryKeyComparer Instance = new();

    public bool Equals(CacheEntry? x, CacheEntry? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.Key.AsSpan().SequenceEqual(y.Key));

    public int GetHashCode(CacheEntry obj) => ByteArrayComparer.Instance.GetHashCode((ReadOnlySpan<byte>)obj.Key);

    public bool Equals(ReadOnlySpan<byte> alternate, CacheEntry other) => alternate.SequenceEqual(other.Key);

    public int GetHashCode(ReadOnlySpan<byte> alternate) => ByteArrayComparer.Instance.GetHashCode(alternate);

    /// <summary>Entries are only ever added whole; a key alone does not make one.</summary>
    public CacheEntry Create(ReadOnlySpan<byte> alternate) => throw new NotSupportedException("cache entries are added with their value");
}
