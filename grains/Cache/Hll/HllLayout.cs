namespace DataTier.Cache.Hll;

/// <summary>
/// Redis' HyperLogLog string: "HYLL", the encoding (0 dense, 1 sparse), three unused bytes, the cached cardinality
/// (8 bytes, little endian; its top bit set means stale), then the registers. p = 14: 16384 registers of 6 bits.
/// </summary>
public static class HllLayout
{
    public const int HeaderSize = 16;
    public const int P = 14;
    public const int Registers = 1 << P;
    /// <summary>Hash bits left for the run of zeros once the register index is taken.</summary>
    public const int Q = 64 - P;
    public const int DenseSize = HeaderSize + (Registers * 6 + 7) / 8;
    public const byte Dense = 0;
    public const byte Sparse = 1;
    /// <summary>Redis' hll-sparse-max-bytes default: a sparse value that would grow beyond it turns dense.</summary>
    public const int SparseMaxBytes = 3000;

    private const int EncodingByte = 4;
    private const int CardinalityByte = 8;
    private const byte StaleBit = 0x80;

    /// <summary>An empty sparse HLL: one XZERO run over every register, a valid cached cardinality of 0.</summary>
    public static byte[] Empty()
    {
        var value = new byte[HeaderSize + 2];
        "HYLL"u8.CopyTo(value);
        value[EncodingByte] = Sparse;
        HllSparse.WriteXZero(value.AsSpan(HeaderSize), Registers);
        return value;
    }

    /// <summary>Redis' check: long enough, the magic, a known encoding, and a dense value of the exact size.</summary>
    public static bool IsValid(ReadOnlySpan<byte> value) =>
        value.Length >= HeaderSize && value[..4].SequenceEqual("HYLL"u8) && value[EncodingByte] <= Sparse
        && (value[EncodingByte] != Dense || value.Length == DenseSize);

    public static bool IsDense(ReadOnlySpan<byte> value) => value[EncodingByte] == Dense;

    public static void SetEncoding(Span<byte> value, byte encoding) => value[EncodingByte] = encoding;

    public static bool TryGetCachedCardinality(ReadOnlySpan<byte> value, out ulong cardinality)
    {
        cardinality = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(value[CardinalityByte..]);
        return (value[HeaderSize - 1] & StaleBit) == 0;
    }

    public static void SetCachedCardinality(Span<byte> value, ulong cardinality) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(value[CardinalityByte..], cardinality);

    /// <summary>Marks the cached cardinality stale, leaving its other bits as they are (Redis sets one bit).</summary>
    public static void Invalidate(Span<byte> value) => value[HeaderSize - 1] |= StaleBit;
}
