using System.Buffers.Binary;

namespace DataTier.Cache.Dump;

/// <summary>Redis' intset (intset.c): the width of its integers (2, 4 or 8 bytes), their count, then the integers in ascending order, all little-endian.</summary>
public static class Intset
{
    private const int HeaderSize = 8;

    /// <summary>The members as decimal text; throws <see cref="DumpFormatException"/> on a malformed or unordered intset.</summary>
    public static List<byte[]> Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderSize) throw RdbReader.Corrupt("bad intset header");
        var width = BinaryPrimitives.ReadUInt32LittleEndian(data);
        var count = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (width is not (2 or 4 or 8) || (ulong)data.Length != HeaderSize + (ulong)count * width) throw RdbReader.Corrupt("bad intset size");
        var members = new List<byte[]>((int)count);
        var previous = long.MinValue;
        for (var i = 0; i < count; i++)
        {
            var at = data.Slice(HeaderSize + i * (int)width, (int)width);
            long value = width switch
            {
                2 => BinaryPrimitives.ReadInt16LittleEndian(at),
                4 => BinaryPrimitives.ReadInt32LittleEndian(at),
                _ => BinaryPrimitives.ReadInt64LittleEndian(at),
            };
            if (i > 0 && value <= previous) throw RdbReader.Corrupt("intset out of order");
            previous = value;
            members.Add(CacheNumbers.ToBytes(value));
        }
        return members;
    }

    /// <summary>An intset of the integers, in the narrowest width that holds them all.</summary>
    public static byte[] Write(IEnumerable<long> integers)
    {
        var sorted = integers.Order().ToArray();
        var width = sorted.Length == 0 ? 2 : sorted.Max(v => v is >= short.MinValue and <= short.MaxValue ? 2 : v is >= int.MinValue and <= int.MaxValue ? 4 : 8);
        var data = new byte[HeaderSize + sorted.Length * width];
        BinaryPrimitives.WriteUInt32LittleEndian(data, (uint)width);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), (uint)sorted.Length);
        for (var i = 0; i < sorted.Length; i++)
        {
            var at = data.AsSpan(HeaderSize + i * width);
            switch (width)
            {
                case 2: BinaryPrimitives.WriteInt16LittleEndian(at, (short)sorted[i]); break;
                case 4: BinaryPrimitives.WriteInt32LittleEndian(at, (int)sorted[i]); break;
                default: BinaryPrimitives.WriteInt64LittleEndian(at, sorted[i]); break;
            }
        }
        return data;
    }
}
