using System.Buffers.Binary;
using DataTier.Cache.Streams;

namespace DataTier.Cache.Dump;

/// <summary>What the stream encoder and decoder share: the entry flags of a node's listpack and IDs as the radix tree keys them.</summary>
public static class StreamRdbLayout
{
    public const int DeletedFlag = 1;
    public const int SameFieldsFlag = 2;
    public const int RawIdSize = 16;

    /// <summary>Milliseconds and sequence, 8 bytes each, big-endian.</summary>
    public static StreamEntryId ReadRawId(ReadOnlySpan<byte> raw) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(raw), BinaryPrimitives.ReadUInt64BigEndian(raw[8..]));

    public static byte[] RawId(StreamEntryId id)
    {
        var raw = new byte[RawIdSize];
        BinaryPrimitives.WriteUInt64BigEndian(raw, id.Ms);
        BinaryPrimitives.WriteUInt64BigEndian(raw.AsSpan(8), id.Seq);
        return raw;
    }
}
