namespace DataTier.Cache.Streams;

/// <summary>Byte arrays in byte order (memcmp), as Redis orders group and consumer names.</summary>
public sealed class ByteOrder : IComparer<byte[]>
{
    public static readonly ByteOrder Instance = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
