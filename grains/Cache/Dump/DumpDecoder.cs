using DataTier.Cache.Values;

namespace DataTier.Cache.Dump;

/// <summary>
/// The value a DUMP payload holds (the whole payload, its footer checked), built as this cache holds it: a string, list,
/// set, sorted set, hash or stream, in every encoding Redis 7.0 writes, the older ones it still reads (zipmaps, ziplists,
/// the first quicklist, text scores, the first stream type), and 7.2's set listpack and third stream type. Empty
/// collections, duplicates and anything malformed throw <see cref="DumpFormatException"/>, as Redis refuses them with
/// <c>Bad data format</c>.
/// </summary>
public static class DumpDecoder
{
    private const int QuicklistPlainNode = 1;
    private const int QuicklistPackedNode = 2;

    public static object Decode(ReadOnlySpan<byte> value)
    {
        var r = new RdbReader(value);
        var type = r.ReadByte();
        return type switch
        {
            RdbType.String => r.ReadString(),
            RdbType.List => List(Strings(ref r, r.ReadCount())),
            RdbType.ListZiplist => List(Ziplist.Read(r.ReadString())),
            RdbType.ListQuicklist => List(QuicklistNodes(ref r, packed: false)),
            RdbType.ListQuicklist2 => List(QuicklistNodes(ref r, packed: true)),
            RdbType.Set => Set(Strings(ref r, r.ReadCount())),
            RdbType.SetIntset => Set(Intset.Read(r.ReadString())),
            RdbType.SetListpack => Set(Listpack.Read(r.ReadString())),
            RdbType.SortedSet or RdbType.SortedSet2 => SortedSet(ref r, binary: type == RdbType.SortedSet2),
            RdbType.SortedSetZiplist => Compact(SortedSet(Ziplist.Read(r.ReadString()))),
            RdbType.SortedSetListpack => Compact(SortedSet(Listpack.Read(r.ReadString()))),
            RdbType.Hash => Hash(Strings(ref r, Pairs(r.ReadLength()))),
            RdbType.HashZiplist => Compact(Hash(Ziplist.Read(r.ReadString()))),
            RdbType.HashZipmap => Hash(Zipmap.Read(r.ReadString())),
            RdbType.HashListpack => Compact(Hash(Listpack.Read(r.ReadString()))),
            RdbType.StreamListpacks or RdbType.StreamListpacks2 or RdbType.StreamListpacks3 => StreamDumpDecoder.Decode(ref r, type),
            _ => throw RdbReader.Corrupt($"unsupported value type {type}"),
        };
    }

    private static int Pairs(ulong count) => count <= int.MaxValue / 2 ? (int)count * 2 : throw RdbReader.Corrupt("length out of range");

    private static List<byte[]> Strings(ref RdbReader r, int count)
    {
        var strings = new List<byte[]>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++) strings.Add(r.ReadString());
        return strings;
    }

    private static List<byte[]> QuicklistNodes(ref RdbReader r, bool packed)
    {
        var elements = new List<byte[]>();
        for (var nodes = r.ReadLength(); nodes > 0; nodes--)
        {
            var container = packed ? r.ReadLength() : QuicklistPackedNode;
            var node = r.ReadString();
            if (container == QuicklistPlainNode) elements.Add(node);
            else if (container == QuicklistPackedNode) elements.AddRange(packed ? Listpack.Read(node) : Ziplist.Read(node));
            else throw RdbReader.Corrupt("unknown quicklist container");
        }
        return elements;
    }

    private static ListValue List(List<byte[]> elements)
    {
        NotEmpty(elements.Count);
        var list = new ListValue();
        foreach (var element in elements) list.PushBack(element);
        return list;
    }

    private static SetValue Set(List<byte[]> members)
    {
        NotEmpty(members.Count);
        var set = new SetValue();
        foreach (var member in members)
            if (!set.Add(member)) throw RdbReader.Corrupt("duplicate set member");
        return set;
    }

    private static SortedSetValue SortedSet(ref RdbReader r, bool binary)
    {
        var count = r.ReadLength();
        NotEmpty(count);
        var set = new SortedSetValue();
        for (; count > 0; count--)
        {
            var member = r.ReadString();
            AddScored(set, member, binary ? r.ReadBinaryDouble() : r.ReadTextDouble());
        }
        return set;
    }

    /// <summary>A ziplist's or listpack's alternating members and scores (scores as text or integers).</summary>
    private static SortedSetValue SortedSet(List<byte[]> items)
    {
        NotEmpty(items.Count);
        if (items.Count % 2 != 0) throw RdbReader.Corrupt("odd sorted set listpack");
        var set = new SortedSetValue();
        for (var i = 0; i < items.Count; i += 2)
            AddScored(set, items[i], CacheNumbers.TryParseDouble(items[i + 1], out var score) ? score : throw RdbReader.Corrupt("bad score"));
        return set;
    }

    private static void AddScored(SortedSetValue set, byte[] member, double score)
    {
        if (double.IsNaN(score)) throw RdbReader.Corrupt("NaN score");
        if (!set.Set(member, score)) throw RdbReader.Corrupt("duplicate sorted set member");
    }

    /// <summary>A sorted set or hash that came as a listpack (or ziplist) stays one up to the entry limit: Redis 7.0 checks only the count then.</summary>
    private static SortedSetValue Compact(SortedSetValue set)
    {
        if (set.Count <= ListpackLimits.SortedSetMaxEntries) set.ConvertToListpack();
        return set;
    }

    private static HashValue Compact(HashValue hash)
    {
        if (hash.Count <= ListpackLimits.HashMaxEntries) hash.ConvertToListpack();
        return hash;
    }

    private static HashValue Hash(List<byte[]> items)
    {
        NotEmpty(items.Count);
        if (items.Count % 2 != 0) throw RdbReader.Corrupt("odd hash listpack");
        var hash = new HashValue();
        for (var i = 0; i < items.Count; i += 2)
            if (!hash.Set(items[i], items[i + 1])) throw RdbReader.Corrupt("duplicate hash field");
        return hash;
    }

    private static void NotEmpty(ulong count)
    {
        if (count == 0) throw RdbReader.Corrupt("empty key");
    }

    private static void NotEmpty(int count) => NotEmpty((ulong)count);
}
