using System.Buffers.Binary;

namespace DataTier.Cache.Dump;

/// <summary>
/// Redis' listpack (listpack.c): a 4-byte total length and a 2-byte element count (little-endian), the elements, then
/// 0xFF. Each element is its encoding (a small unsigned or signed integer, an integer of 16 to 64 bits, or a string with
/// a 6-, 12- or 32-bit length), its data, and its own length backwards in 1 to 5 bytes.
/// </summary>
public static class Listpack
{
    private const byte End = 0xff;
    private const int HeaderSize = 6;

    /// <summary>The elements, integers as their decimal text; throws <see cref="DumpFormatException"/> on a malformed listpack.</summary>
    public static List<byte[]> Read(ReadOnlySpan<byte> lp)
    {
        if (lp.Length < HeaderSize + 1 || BinaryPrimitives.ReadUInt32LittleEndian(lp) != lp.Length || lp[^1] != End)
            throw RdbReader.Corrupt("bad listpack header");
        var declared = BinaryPrimitives.ReadUInt16LittleEndian(lp[4..]);
        var elements = new List<byte[]>();
        var at = HeaderSize;
        while (lp[at] != End)
        {
            var start = at;
            elements.Add(ReadElement(lp, ref at));
            at += BacklenSize(at - start);
            if (at >= lp.Length) throw RdbReader.Corrupt("listpack element out of bounds");
        }
        if (at != lp.Length - 1 || (declared != ushort.MaxValue && declared != elements.Count))
            throw RdbReader.Corrupt("listpack length mismatch");
        return elements;
    }

    private static byte[] ReadElement(ReadOnlySpan<byte> lp, ref int at)
    {
        var b = lp[at];
        if (b < 0x80)
        {
            at++;
            return CacheNumbers.ToBytes(b);
        }
        if ((b & 0xc0) == 0x80) return String(lp, ref at, 1, b & 0x3f);
        if ((b & 0xe0) == 0xc0)
        {
            var raw = ((b & 0x1f) << 8) | Byte(lp, at + 1);
            at += 2;
            return CacheNumbers.ToBytes(raw >= 1 << 12 ? raw - (1 << 13) : raw);
        }
        if ((b & 0xf0) == 0xe0) return String(lp, ref at, 2, ((b & 0x0f) << 8) | Byte(lp, at + 1));
        switch (b)
        {
            case 0xf0:
                var length = BinaryPrimitives.ReadUInt32LittleEndian(Slice(lp, at + 1, 4));
                return length > int.MaxValue ? throw RdbReader.Corrupt("listpack string too long") : String(lp, ref at, 5, (int)length);
            case 0xf1:
                return Integer(BinaryPrimitives.ReadInt16LittleEndian(Slice(lp, at + 1, 2)), ref at, 3);
            case 0xf2:
                var bytes = Slice(lp, at + 1, 3);
                return Integer((bytes[0] | (bytes[1] << 8) | ((sbyte)bytes[2] << 16)), ref at, 4);
            case 0xf3:
                return Integer(BinaryPrimitives.ReadInt32LittleEndian(Slice(lp, at + 1, 4)), ref at, 5);
            case 0xf4:
                return Integer(BinaryPrimitives.ReadInt64LittleEndian(Slice(lp, at + 1, 8)), ref at, 9);
            default:
                throw RdbReader.Corrupt("unknown listpack encoding");
        }
    }

    private static byte[] String(ReadOnlySpan<byte> lp, ref int at, int header, int length)
    {
        var value = Slice(lp, at + header, length).ToArray();
        at += header + length;
        return value;
    }

    private static byte[] Integer(long value, ref int at, int size)
    {
        at += size;
        return CacheNumbers.ToBytes(value);
    }

    private static byte Byte(ReadOnlySpan<byte> lp, int at) => at < lp.Length ? lp[at] : throw RdbReader.Corrupt("listpack element out of bounds");

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> lp, int at, int length) =>
        length >= 0 && (long)at + length < lp.Length ? lp.Slice(at, length) : throw RdbReader.Corrupt("listpack element out of bounds");


    /// <summary>How many bytes the back length of an element of <paramref name="length"/> bytes takes (the bounds are listpack.c's).</summary>
    private static int BacklenSize(int length) => length <= 127 ? 1 : length < 16383 ? 2 : length < 2097151 ? 3 : length < 268435455 ? 4 : 5;

    /// <summary>A listpack of the elements, each stored as an integer when it is one in canonical form (as Redis stores it).</summary>
    public static byte[] Write(IReadOnlyCollection<byte[]> elements)
    {
        var buffer = new MemoryStream();
        buffer.Write(stackalloc byte[HeaderSize]);
        Span<byte> scratch = stackalloc byte[9];
        foreach (var element in elements)
        {
            var start = buffer.Length;
            if (element.Length <= 20 && CacheNumbers.TryParseLong(element, out var number)) buffer.Write(scratch[..EncodeInteger(number, scratch)]);
            else WriteString(buffer, element);
            WriteBacklen(buffer, (int)(buffer.Length - start));
        }
        buffer.WriteByte(End);
        var lp = buffer.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(lp, (uint)lp.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(lp.AsSpan(4), (ushort)Math.Min(elements.Count, ushort.MaxValue));
        return lp;
    }

    private static int EncodeInteger(long v, Span<byte> into)
    {
        switch (v)
        {
            case >= 0 and <= 127:
                into[0] = (byte)v;
                return 1;
            case >= -4096 and <= 4095:
                var raw = v < 0 ? (1 << 13) + v : v;
                into[0] = (byte)(0xc0 | (raw >> 8));
                into[1] = (byte)raw;
                return 2;
            case >= short.MinValue and <= short.MaxValue:
                into[0] = 0xf1;
                BinaryPrimitives.WriteInt16LittleEndian(into[1..], (short)v);
                return 3;
            case >= -(1 << 23) and < 1 << 23:
                into[0] = 0xf2;
                into[1] = (byte)v;
                into[2] = (byte)(v >> 8);
                into[3] = (byte)(v >> 16);
                return 4;
            case >= int.MinValue and <= int.MaxValue:
                into[0] = 0xf3;
                BinaryPrimitives.WriteInt32LittleEndian(into[1..], (int)v);
                return 5;
            default:
                into[0] = 0xf4;
                BinaryPrimitives.WriteInt64LittleEndian(into[1..], v);
                return 9;
        }
    }

    private static void WriteString(MemoryStream buffer, byte[] s)
    {
        if (s.Length < 64) buffer.WriteByte((byte)(0x80 | s.Length));
        else if (s.Length < 4096)
        {
            buffer.WriteByte((byte)(0xe0 | (s.Length >> 8)));
            buffer.WriteByte((byte)s.Length);
        }
        else
        {
            buffer.WriteByte(0xf0);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)s.Length);
            buffer.Write(length);
        }
        buffer.Write(s);
    }

    private static void WriteBacklen(MemoryStream buffer, int length)
    {
        var size = BacklenSize(length);
        // The first byte holds the highest 7-bit group; every byte after it has its top bit set.
        for (var i = size - 1; i >= 0; i--)
        {
            var group = (byte)((length >> (7 * i)) & 0x7f);
            buffer.WriteByte(i == size - 1 ? group : (byte)(group | 0x80));
        }
    }
}
