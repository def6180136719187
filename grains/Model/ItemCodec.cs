using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace DataTier.Model;

/// <summary>
/// The compact binary form of an item in the durable store: a count, then per attribute its
/// UTF-8 name and a tagged value. Lengths are unsigned LEB128 varints.
/// </summary>
public static class ItemCodec
{
    public static byte[] Encode(IReadOnlyDictionary<string, AttrValue> item, int prefixBytes = 0)
    {
        var writer = new ArrayBufferWriter<byte>(256);
        writer.Advance(prefixBytes);
        WriteVarint(writer, (uint)item.Count);
        foreach (var (name, value) in item)
        {
            WriteString(writer, name);
            WriteValue(writer, value);
        }
        return writer.WrittenSpan.ToArray();
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

    private static void WriteValue(ArrayBufferWriter<byte> w, AttrValue v)
    {
        w.GetSpan(1)[0] = (byte)v.Type;
        w.Advance(1);
        switch (v.Type)
        {
            case AttrType.S:
            case AttrType.N: WriteString(w, v.Text!); break;
            case AttrType.B: WriteBytes(w, v.Bytes!); break;
            case AttrType.BOOL: w.GetSpan(1)[0] = v.Bool ? (byte)1 : (byte)0; w.Advance(1); break;
            case AttrType.NULL: break;
            case AttrType.L:
                WriteVarint(w, (uint)v.List!.Count);
                foreach (var e in v.List) WriteValue(w, e);
                break;
            case AttrType.M:
                WriteVarint(w, (uint)v.Map!.Count);
                foreach (var (k, e) in v.Map) { WriteString(w, k); WriteValue(w, e); }
                break;
            case AttrType.SS:
            case AttrType.NS:
                WriteVarint(w, (uint)v.TextSet!.Count);
                foreach (var s in v.TextSet) WriteString(w, s);
                break;
            case AttrType.BS:
                WriteVarint(w, (uint)v.BytesSet!.Count);
                foreach (var b in v.BytesSet) WriteBytes(w, b);
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

    private static void WriteString(ArrayBufferWriter<byte> w, string s)
    {
        var len = Encoding.UTF8.GetByteCount(s);
        WriteVarint(w, (uint)len);
        Encoding.UTF8.GetBytes(s, w.GetSpan(len));
        w.Advance(len);
    }

    private static void WriteBytes(ArrayBufferWriter<byte> w, byte[] b)
    {
        WriteVarint(w, (uint)b.Length);
        w.Write(b);
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

    private static void WriteVarint(ArrayBufferWriter<byte> w, uint value)
    {
        var span = w.GetSpan(5);
        var i = 0;
        while (value >= 0x80) { span[i++] = (byte)(value | 0x80); value >>= 7; }
        span[i++] = (byte)value;
        w.Advance(i);
    }

    private static uint ReadVarint(ReadOnlySpan<byte> d, ref int pos)
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
