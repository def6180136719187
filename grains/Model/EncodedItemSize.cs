namespace DataTier.Model;

/// <summary>
/// An item's size by DynamoDB's rules (<see cref="ItemSize.Of(IReadOnlyDictionary{string, AttrValue})"/>), read from its
/// <see cref="ItemCodec"/> encoding without decoding it: counting a partition's items after a split or a restore
/// measures every stored item, and decoding each into attribute objects only to measure it cost most of that count.
/// </summary>
public static class EncodedItemSize
{
    public static int Of(ReadOnlySpan<byte> encoded)
    {
        var pos = 0;
        var count = ItemCodec.ReadVarint(encoded, ref pos);
        var size = 0;
        for (var i = 0; i < count; i++) size += SkipString(encoded, ref pos) + ValueSize(encoded, ref pos);
        return size;
    }

    /// <summary>The value at <paramref name="pos"/>'s size, moving past it.</summary>
    private static int ValueSize(ReadOnlySpan<byte> d, ref int pos)
    {
        var type = (AttrType)d[pos++];
        switch (type)
        {
            case AttrType.S:
            case AttrType.B: return SkipString(d, ref pos);
            case AttrType.N: return ItemSize.NumberSize(String(d, ref pos));
            case AttrType.BOOL: pos++; return 1;
            case AttrType.NULL: return 1;
            case AttrType.L:
            {
                var n = ItemCodec.ReadVarint(d, ref pos);
                var size = 3;
                for (var i = 0; i < n; i++) size += 1 + ValueSize(d, ref pos);
                return size;
            }
            case AttrType.M:
            {
                var n = ItemCodec.ReadVarint(d, ref pos);
                var size = 3;
                for (var i = 0; i < n; i++) size += 1 + SkipString(d, ref pos) + ValueSize(d, ref pos);
                return size;
            }
            case AttrType.SS:
            case AttrType.BS:
            {
                var n = ItemCodec.ReadVarint(d, ref pos);
                var size = 0;
                for (var i = 0; i < n; i++) size += SkipString(d, ref pos);
                return size;
            }
            case AttrType.NS:
            {
                var n = ItemCodec.ReadVarint(d, ref pos);
                var size = 0;
                for (var i = 0; i < n; i++) size += ItemSize.NumberSize(String(d, ref pos));
                return size;
            }
            default: throw new InvalidDataException($"Unknown attribute type tag {(byte)type}");
        }
    }

    /// <summary>Moves past a length-prefixed string or byte array and returns its length in bytes (a string's UTF-8 length).</summary>
    private static int SkipString(ReadOnlySpan<byte> d, ref int pos)
    {
        var length = (int)ItemCodec.ReadVarint(d, ref pos);
        pos += length;
        return length;
    }

    private static ReadOnlySpan<byte> String(ReadOnlySpan<byte> d, ref int pos)
    {
        var length = (int)ItemCodec.ReadVarint(d, ref pos);
        var s = d.Slice(pos, length);
        pos += length;
        return s;
    }
}
