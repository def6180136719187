using System.Buffers.Binary;

namespace DataTier.Cache.Dump;

/// <summary>
/// The zipmap small hashes were held in before Redis 2.6 (zipmap.c): a count byte, then for each pair the field's
/// length and bytes, the value's length, a count of free bytes, the value and its free bytes; 0xFF ends it. A length is
/// one byte up to 253, or 254 and four bytes (little-endian, as Redis wrote them on x86). Read only.
/// </summary>
public static class Zipmap
{
    private const byte End = 0xff;
    private const byte LongLength = 254;

    /// <summary>The fields and values, alternating; throws <see cref="DumpFormatException"/> on a malformed zipmap.</summary>
    public static List<byte[]> Read(ReadOnlySpan<byte> zm)
    {
        var items = new List<byte[]>();
        var at = 1;
        while (Slice(zm, at, 1)[0] != End)
        {
            var fieldLength = ReadLength(zm, ref at);
            items.Add(Slice(zm, at, fieldLength).ToArray());
            at += fieldLength;
            var valueLength = ReadLength(zm, ref at);
            var free = Slice(zm, at++, 1)[0];
            items.Add(Slice(zm, at, valueLength).ToArray());
            at += valueLength + free;
        }
        return at == zm.Length - 1 ? items : throw RdbReader.Corrupt("zipmap length mismatch");
    }

    private static int ReadLength(ReadOnlySpan<byte> zm, ref int at)
    {
        var first = Slice(zm, at, 1)[0];
        if (first < LongLength)
        {
            at++;
            return first;
        }
        if (first != LongLength) throw RdbReader.Corrupt("zipmap ends inside a pair");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(Slice(zm, at + 1, 4));
        at += 5;
        return length <= int.MaxValue ? (int)length : throw RdbReader.Corrupt("zipmap string too long");
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> zm, int at, int length) =>
        length >= 0 && at >= 0 && (long)at + length <= zm.Length ? zm.Slice(at, length) : throw RdbReader.Corrupt("zipmap entry out of bounds");
}
