using System.Buffers.Binary;

namespace DataTier.Cache.Dump;

/// <summary>Reads the parts of an RDB-encoded value: lengths, strings (plain, integer or LZF-compressed), doubles and times.</summary>
public ref struct RdbReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _at;

    /// <summary>How many bytes have been read.</summary>
    public readonly int Position => _at;

    public byte ReadByte()
    {
        Need(1);
        return _data[_at++];
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        Need(count);
        var bytes = _data.Slice(_at, count);
        _at += count;
        return bytes;
    }

    /// <summary>A length (6, 14, 32 or 64 bits); an encoded string's marker is refused here.</summary>
    public ulong ReadLength() => ReadLength(out var encoded) is var length && !encoded ? length : throw Corrupt("unexpected string encoding");

    /// <summary>A length no larger than what an array can hold.</summary>
    public int ReadCount()
    {
        var length = ReadLength();
        return length <= int.MaxValue ? (int)length : throw Corrupt("length out of range");
    }

    private ulong ReadLength(out bool encoded)
    {
        var first = ReadByte();
        encoded = false;
        switch (first >> 6)
        {
            case 0:
                return (ulong)(first & 0x3f);
            case 1:
                return ((ulong)(first & 0x3f) << 8) | ReadByte();
            case 2 when first == 0x80:
                return BinaryPrimitives.ReadUInt32BigEndian(ReadBytes(4));
            case 2 when first == 0x81:
                return BinaryPrimitives.ReadUInt64BigEndian(ReadBytes(8));
            case 3:
                encoded = true;
                return (ulong)(first & 0x3f);
            default:
                throw Corrupt("unknown length encoding");
        }
    }

    public byte[] ReadString()
    {
        var length = ReadLength(out var encoded);
        if (!encoded) return ReadBytes(CountOf(length)).ToArray();
        switch (length)
        {
            case 0:
                return CacheNumbers.ToBytes((sbyte)ReadByte());
            case 1:
                return CacheNumbers.ToBytes(BinaryPrimitives.ReadInt16LittleEndian(ReadBytes(2)));
            case 2:
                return CacheNumbers.ToBytes(BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4)));
            case 3:
                var compressed = CountOf(ReadLength());
                var plain = CountOf(ReadLength());
                return Lzf.Decompress(ReadBytes(compressed), plain);
            default:
                throw Corrupt("unknown string encoding");
        }
    }

    /// <summary>A double as ZSET_2 stores it: eight bytes, little-endian IEEE 754.</summary>
    public double ReadBinaryDouble() => BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8));

    /// <summary>A double as the first sorted set type stores it: a length byte (253 NaN, 254 +inf, 255 -inf) and that many ASCII characters.</summary>
    public double ReadTextDouble()
    {
        var length = ReadByte();
        switch (length)
        {
            case 253: return double.NaN;
            case 254: return double.PositiveInfinity;
            case 255: return double.NegativeInfinity;
        }
        return CacheNumbers.TryParseDouble(ReadBytes(length), out var value) ? value : throw Corrupt("bad double");
    }

    /// <summary>A time in milliseconds: eight bytes, little-endian.</summary>
    public long ReadMilliseconds() => BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8));

    private static int CountOf(ulong length) => length <= int.MaxValue ? (int)length : throw Corrupt("length out of range");


    private void Need(int count)
    {
        if (count < 0 || _data.Length - _at < count) throw Corrupt("payload ends early");
    }

    public static DumpFormatException Corrupt(string message) => new(message);
}
