using System.Buffers.Binary;
using System.Text;

namespace DataTier.Model;

/// <summary>
/// The compact binary form of an item in the durable store: a count, then per attribute its
/// UTF-8 name and a tagged value. Lengths are unsigned LEB128 varints.
/// </summary>
public static class ItemCodec
{
    /// <summary>
    /// The item's encoding after <paramref name="prefixBytes"/> zero bytes left for the caller. Measured first and
    /// written into one array of the exact size: growing a buffer for a 1 KB item allocated, zeroed and copied about
    /// four times as much (items are encoded on every write).
    /// </summary>
    public static byte[] Encode(IReadOnlyDictionary<string, AttrValue> item, int prefixBytes = 0)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(prefixBytes + EncodedSize(item));
        bytes.AsSpan(0, prefixBytes).Clear();
        Write(item, bytes.AsSpan(prefixBytes));
        return bytes;
    }

    /// <summary>The length of the item's encoding.</summary>
    public static int EncodedSize(IReadOnlyDictionary<string, AttrValue> item)
    {
        var size = VarintSize((uint)item.Count);
        foreach (var (name, value) in item) size += StringSize(name) + ValueSize(value);
        return size;
    }

    /// <summary>Writes the item's encoding into <paramref name="destination"/>, exactly <see cref="EncodedSize"/> bytes long.</summary>
    public static void Write(IReadOnlyDictionary<string, AttrValue> item, Span<byte> destination)
    {
        var pos = 0;
        WriteVarint(destination, ref pos, (uint)item.Count);
        foreach (var (name, value) in item)
        {
            WriteString(destination, ref pos, name);
            WriteValue(destination, ref pos, value);
        }
        if (pos != destination.Length) throw new InvalidOperationException("An item's encoding differs from its measured size");
    }

    private static int ValueSize(AttrValue v)
    {
        var size = 1;
        switch (v.Type)
        {
            case AttrType.S:
            case AttrType.N: return size + StringSize(v.Text!);
            case AttrType.B: return size + VarintSize((uint)v.Bytes!.Length) + v.Bytes.Length;
            case AttrType.BOOL: return size + 1;
            case AttrType.NULL: return size;
            case AttrType.L:
                size += VarintSize((uint)v.List!.Count);
                foreach (var e in v.List) size += ValueSize(e);
                return size;
            case AttrType.M:
                size += VarintSize((uint)v.Map!.Count);
                foreach (var (k, e) in v.Map) size += StringSize(k) + ValueSize(e);
                return size;
            case AttrType.SS:
            case AttrType.NS:
                size += VarintSize((uint)v.TextSet!.Count);
                foreach (var t in v.TextSet) size += StringSize(t);
                return size;
            case AttrType.BS:
                size += VarintSize((uint)v.BytesSet!.Count);
                foreach (var b in v.BytesSet) size += VarintSize((uint)b.Length) + b.Length;
                return size;
            default: throw new InvalidDataException($"Unknown attribute type {v.Type}");
        }
    }

    private static int StringSize(string s)
    {
        var len = Encoding.UTF8.GetByteCount(s);
        return VarintSize((uint)len) + len;
    }

    private static int VarintSize(uint value)
    {
        var size = 1;
        while (value >= 0x80) { size++; value >>= 7; }
        return size;
    }

    public static Dictionary<string, AttrValue> Decode(ReadOnlySpan<byte> data)
    {
        var pos = 0;
        var count = (int)ReadVarint(data, ref pos);
        var item = new Dictionary<string, AttrValue>(count);
        for (var i = 0; i < count; i++)
        {
            var name = ReadString(data, ref pos);
            item[name] = ReadValue(data, ref pos);
        }
        return item;
    }

    private static void WriteValue(Span<byte> w, ref int pos, AttrValue v)
    {
        w[pos++] = (byte)v.Type;
        switch (v.Type)
        {
            case AttrType.S:
            case AttrType.N: WriteString(w, ref pos, v.Text!); break;
            case AttrType.B: WriteBytes(w, ref pos, v.Bytes!); break;
            case AttrType.BOOL: w[pos++] = v.Bool ? (byte)1 : (byte)0; break;
            case AttrType.NULL: break;
            case AttrType.L:
                WriteVarint(w, ref pos, (uint)v.List!.Count);
                foreach (var e in v.List) WriteValue(w, ref pos, e);
                break;
            case AttrType.M:
                WriteVarint(w, ref pos, (uint)v.Map!.Count);
                foreach (var (k, e) in v.Map) { WriteString(w, ref pos, k); WriteValue(w, ref pos, e); }
                break;
            case AttrType.SS:
            case AttrType.NS:
                WriteVarint(w, ref pos, (uint)v.TextSet!.Count);
                foreach (var s in v.TextSet) WriteString(w, ref pos, s);
                break;
            case AttrType.BS:
                WriteVarint(w, ref pos, (uint)v.BytesSet!.Count);
                foreach (var b in v.BytesSet) WriteBytes(w, ref pos, b);
                break;
            default: throw new InvalidDataException($"Unknown attribute type {v.Type}");
        }
    }

    private static AttrValue ReadValue(ReadOnlySpan<byte> d, ref int pos)
    {
        var type = (AttrType)d[pos++];
        switch (type)
        {
            case AttrType.S: return AttrValue.FromS(ReadString(d, ref pos));
            case AttrType.N: return AttrValue.FromN(DynamoNumber.Parse(ReadString(d, ref pos)));
            case AttrType.B: return AttrValue.FromB(ReadBytes(d, ref pos));
            case AttrType.BOOL: return AttrValue.FromBool(d[pos++] != 0);
            case AttrType.NULL: return AttrValue.Null;
            case AttrType.L:
            {
                var n = (int)ReadVarint(d, ref pos);
                var list = new AttrValue[n];
                for (var i = 0; i < n; i++) list[i] = ReadValue(d, ref pos);
                return AttrValue.FromL(list);
            }
            case AttrType.M:
            {
                var n = (int)ReadVarint(d, ref pos);
                var map = new Dictionary<string, AttrValue>(n);
                for (var i = 0; i < n; i++) { var k = ReadString(d, ref pos); map[k] = ReadValue(d, ref pos); }
                return AttrValue.FromM(map);
            }
            case AttrType.SS:
            case AttrType.NS:
            {
                var n = (int)ReadVarint(d, ref pos);
                var set = new string[n];
                for (var i = 0; i < n; i++) set[i] = ReadString(d, ref pos);
                return type == AttrType.SS ? AttrValue.FromSS(set) : AttrValue.FromNS(set);
            }
            case AttrType.BS:
            {
                var n = (int)ReadVarint(d, ref pos);
                var set = new byte[n][];
                for (var i = 0; i < n; i++) set[i] = ReadBytes(d, ref pos);
                return AttrValue.FromBS(set);
            }
            default: throw new InvalidDataException($"Unknown attribute type tag {(byte)type}");
        }
    }

    private static void WriteString(Span<byte> w, ref int pos, string s)
    {
        var len = Encoding.UTF8.GetByteCount(s);
        WriteVarint(w, ref pos, (uint)len);
        pos += Encoding.UTF8.GetBytes(s, w[pos..]);
    }

    private static void WriteBytes(Span<byte> w, ref int pos, byte[] b)
    {
        WriteVarint(w, ref pos, (uint)b.Length);
        b.CopyTo(w[pos..]);
        pos += b.Length;
    }

    private static string ReadString(ReadOnlySpan<byte> d, ref int pos)
    {
        var len = (int)ReadVarint(d, ref pos);
        var s = Encoding.UTF8.GetString(d.Slice(pos, len));
        pos += len;
        return s;
    }

    private static byte[] ReadBytes(ReadOnlySpan<byte> d, ref int pos)
    {
        var len = (int)ReadVarint(d, ref pos);
        var b = d.Slice(pos, len).ToArray();
        pos += len;
        return b;
    }

    private static void WriteVarint(Span<byte> w, ref int pos, uint value)
    {
        while (value >= 0x80) { w[pos++] = (byte)(value | 0x80); value >>= 7; }
        w[pos++] = (byte)value;
    }

    internal static uint ReadVarint(ReadOnlySpan<byte> d, ref int pos)
    {
        uint result = 0;
        var shift = 0;
        while (true)
        {
            var b = d[pos++];
            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return result;
            shift += 7;
            if (shift > 28) throw new InvalidDataException("Varint too long");
        }
    }
}
