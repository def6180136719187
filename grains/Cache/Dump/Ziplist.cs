using System.Buffers.Binary;

namespace DataTier.Cache.Dump;

/// <summary>
/// Redis' ziplist (ziplist.c), which RDB files before version 10 hold small lists, hashes and sorted sets in: a header of
/// total bytes, tail offset (4 bytes each) and count (2 bytes), little-endian, then entries of the previous entry's length
/// (1 byte, or 0xFE and 4 bytes), an encoding and data, then 0xFF. Read only: Redis 7.0 writes listpacks instead.
/// </summary>
public static class Ziplist
{
    private const byte End = 0xff;
    private const int HeaderSize = 10;

    /// <summary>The entries, integers as their decimal text; throws <see cref="DumpFormatException"/> on a malformed ziplist.</summary>
    public static List<byte[]> Read(ReadOnlySpan<byte> zl)
    {
        if (zl.Length < HeaderSize + 1 || BinaryPrimitives.ReadUInt32LittleEndian(zl) != zl.Length || zl[^1] != End)
            throw RdbReader.Corrupt("bad ziplist header");
        var declared = BinaryPrimitives.ReadUInt16LittleEndian(zl[8..]);
        var entries = new List<byte[]>();
        var at = HeaderSize;
        while (zl[at] != End)
        {
            at += zl[at] == 0xfe ? 5 : 1;
            entries.Add(ReadEntry(zl, ref at));
        }
        if (at != zl.Length - 1 || (declared != ushort.MaxValue && declared != entries.Count)) throw RdbReader.Corrupt("ziplist length mismatch");
        return entries;
    }

    private static byte[] ReadEntry(ReadOnlySpan<byte> zl, ref int at)
    {
        var b = Slice(zl, at, 1)[0];
        switch (b >> 6)
        {
            case 0:
                return String(zl, ref at, 1, b & 0x3f);
            case 1:
                return String(zl, ref at, 2, ((b & 0x3f) << 8) | Slice(zl, at + 1, 1)[0]);
            case 2:
                var length = BinaryPrimitives.ReadUInt32BigEndian(Slice(zl, at + 1, 4));
                return length > int.MaxValue ? throw RdbReader.Corrupt("ziplist string too long") : String(zl, ref at, 5, (int)length);
        }
        switch (b)
        {
            case 0xc0: return Integer(BinaryPrimitives.ReadInt16LittleEndian(Slice(zl, at + 1, 2)), ref at, 3);
            case 0xd0: return Integer(BinaryPrimitives.ReadInt32LittleEndian(Slice(zl, at + 1, 4)), ref at, 5);
            case 0xe0: return Integer(BinaryPrimitives.ReadInt64LittleEndian(Slice(zl, at + 1, 8)), ref at, 9);
            case 0xf0:
                var bytes = Slice(zl, at + 1, 3);
                return Integer(bytes[0] | (bytes[1] << 8) | ((sbyte)bytes[2] << 16), ref at, 4);
            case 0xfe: return Integer((sbyte)Slice(zl, at + 1, 1)[0], ref at, 2);
            case >= 0xf1 and <= 0xfd: return Integer((b & 0x0f) - 1, ref at, 1);
            default: throw RdbReader.Corrupt("unknown ziplist encoding");
        }
    }

    private static byte[] String(ReadOnlySpan<byte> zl, ref int at, int header, int length)
    {
        var value = Slice(zl, at + header, length).ToArray();
        at += header + length;
        return value;
    }

    private static byte[] Integer(long value, ref int at, int size)
    {
        at += size;
        return CacheNumbers.ToBytes(value);
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> zl, int at, int length) =>
        length >= 0 && (long)at + length < zl.Length ? zl.Slice(at, length) : throw RdbReader.Corrupt("ziplist entry out of bounds");
}
