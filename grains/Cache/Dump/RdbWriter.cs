using System.Buffers.Binary;

namespace DataTier.Cache.Dump;

/// <summary>Writes the parts of an RDB-encoded value as Redis 7.0 does: lengths, strings (as integers or LZF-compressed where Redis would), doubles, times.</summary>
public sealed class RdbWriter
{
    /// <summary>Redis compresses strings longer than this (with rdbcompression on, its default).</summary>
    private const int CompressAbove = 20;

    private readonly MemoryStream _buffer = new();

    public void WriteByte(byte value) => _buffer.WriteByte(value);

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void WriteLength(ulong length)
    {
        Span<byte> bytes = stackalloc byte[9];
        if (length < 1 << 6) WriteByte((byte)length);
        else if (length < 1 << 14)
        {
            WriteByte((byte)(0x40 | (length >> 8)));
            WriteByte((byte)length);
        }
        else if (length <= uint.MaxValue)
        {
            bytes[0] = 0x80;
            BinaryPrimitives.WriteUInt32BigEndian(bytes[1..], (uint)length);
            WriteBytes(bytes[..5]);
        }
        else
        {
            bytes[0] = 0x81;
            BinaryPrimitives.WriteUInt64BigEndian(bytes[1..], length);
            WriteBytes(bytes);
        }
    }

    /// <summary>A string: as an 8-, 16- or 32-bit integer when it is one in canonical form, else LZF-compressed when that saves more than 4 bytes, else plain.</summary>
    public void WriteString(ReadOnlySpan<byte> s)
    {
        if (s.Length <= 11 && CacheNumbers.TryParseLong(s, out var number) && WriteInteger(number)) return;
        if (s.Length > CompressAbove && Lzf.Compress(s, s.Length - 4) is { } compressed)
        {
            WriteByte(0xc3);
            WriteLength((ulong)compressed.Length);
            WriteLength((ulong)s.Length);
            WriteBytes(compressed);
            return;
        }
        WriteLength((ulong)s.Length);
        WriteBytes(s);
    }

    private bool WriteInteger(long value)
    {
        Span<byte> bytes = stackalloc byte[5];
        switch (value)
        {
            case >= sbyte.MinValue and <= sbyte.MaxValue:
                bytes[0] = 0xc0;
                bytes[1] = (byte)(sbyte)value;
                WriteBytes(bytes[..2]);
                return true;
            case >= short.MinValue and <= short.MaxValue:
                bytes[0] = 0xc1;
                BinaryPrimitives.WriteInt16LittleEndian(bytes[1..], (short)value);
                WriteBytes(bytes[..3]);
                return true;
            case >= int.MinValue and <= int.MaxValue:
                bytes[0] = 0xc2;
                BinaryPrimitives.WriteInt32LittleEndian(bytes[1..], (int)value);
                WriteBytes(bytes);
                return true;
            default:
                return false;
        }
    }

    public void WriteBinaryDouble(double value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        WriteBytes(bytes);
    }

    public void WriteMilliseconds(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        WriteBytes(bytes);
    }

    public byte[] ToArray() => _buffer.ToArray();
}
