using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace DataTier.Cache.Scripting.Functions;

/// <summary>RDB's length-prefixed strings: read in each encoding Redis writes (plain, integer, LZF), written plain.</summary>
public static class RdbStrings
{
    private const int Encoded = 3;
    private const int Int8 = 0, Int16 = 1, Int32 = 2, Compressed = 3;

    public static void Write(List<byte> output, byte[] value)
    {
        var length = value.Length;
        if (length < 1 << 6) output.Add((byte)length);
        else if (length < 1 << 14)
        {
            output.Add((byte)(0x40 | (length >> 8)));
            output.Add((byte)length);
        }
        else
        {
            output.Add(0x80);
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)length);
            output.AddRange(bytes.ToArray());
        }
        output.AddRange(value);
    }

    /// <summary>The string at <paramref name="at"/> (which moves past it); null when the data ends early or is corrupt.</summary>
    public static byte[]? Read(ReadOnlySpan<byte> data, ref int at)
    {
        if (ReadLength(data, ref at, out var encoded) is not { } length) return null;
        if (!encoded)
        {
            if (length > (ulong)(data.Length - at)) return null;
            var plain = data.Slice(at, (int)length).ToArray();
            at += (int)length;
            return plain;
        }
        switch ((int)length)
        {
            case Int8 when at + 1 <= data.Length:
                return Number((sbyte)data[at++]);
            case Int16 when at + 2 <= data.Length:
                at += 2;
                return Number(BinaryPrimitives.ReadInt16LittleEndian(data[(at - 2)..]));
            case Int32 when at + 4 <= data.Length:
                at += 4;
                return Number(BinaryPrimitives.ReadInt32LittleEndian(data[(at - 4)..]));
            case Compressed:
                if (ReadLength(data, ref at, out _) is not { } compressed || ReadLength(data, ref at, out _) is not { } size) return null;
                if (compressed > (ulong)(data.Length - at) || size > int.MaxValue) return null;
                var value = Lzf.Decompress(data.Slice(at, (int)compressed), (int)size);
                at += (int)compressed;
                return value;
            default:
                return null;
        }
    }

    private static byte[] Number(long value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A length, or (<paramref name="encoded"/>) the kind of a specially encoded string; null when the data ends.</summary>
    private static ulong? ReadLength(ReadOnlySpan<byte> data, ref int at, out bool encoded)
    {
        encoded = false;
        if (at >= data.Length) return null;
        var first = data[at++];
        switch (first >> 6)
        {
            case 0:
                return (ulong)(first & 0x3f);
            case 1:
                if (at >= data.Length) return null;
                return (ulong)(((first & 0x3f) << 8) | data[at++]);
            case Encoded:
                encoded = true;
                return (ulong)(first & 0x3f);
        }
        if (first == 0x80 && at + 4 <= data.Length)
        {
            at += 4;
            return BinaryPrimitives.ReadUInt32BigEndian(data[(at - 4)..]);
        }
        if (first == 0x81 && at + 8 <= data.Length)
        {
            at += 8;
            return BinaryPrimitives.ReadUInt64BigEndian(data[(at - 8)..]);
        }
        return null;
    }
}
