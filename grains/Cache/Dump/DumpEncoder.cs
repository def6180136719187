using DataTier.Cache.Streams;
using DataTier.Cache.Values;

namespace DataTier.Cache.Dump;

/// <summary>
/// A value as Redis 7.0's DUMP writes it: the encoding Redis would hold it in (an intset, or a listpack for a small hash
/// or sorted set, as OBJECT ENCODING reports) or else the plain one (a set or hash table, a skiplist), lists as a
/// quicklist of listpack nodes, streams in the second stream type, strings as integers or LZF-compressed where Redis
/// would; then the RDB version and CRC-64.
/// </summary>
public static class DumpEncoder
{
    /// <summary>The listpack size Redis 7.0's default list-max-listpack-size (-2) fills a quicklist node to.</summary>
    private const int ListNodeBytes = 8 * 1024;

    /// <summary>What an element costs in a listpack beyond its bytes, at most (encoding and back length).</summary>
    private const int ListpackElementOverhead = 10;

    private const int QuicklistPackedNode = 2;

    public static byte[] Encode(object value)
    {
        var w = new RdbWriter();
        switch (value)
        {
            case byte[] text:
                w.WriteByte(RdbType.String);
                w.WriteString(text);
                break;
            case ListValue list:
                List(w, list);
                break;
            case SetValue set:
                Set(w, set);
                break;
            case SortedSetValue sorted:
                SortedSet(w, sorted);
                break;
            case HashValue hash:
                Hash(w, hash);
                break;
            case StreamValue stream:
                w.WriteByte(RdbType.StreamListpacks2);
                StreamDumpEncoder.Encode(w, stream);
                break;
            default:
                throw new ArgumentException("Not a cache value", nameof(value));
        }
        return DumpPayload.Seal(w.ToArray());
    }

    private static void List(RdbWriter w, ListValue list)
    {
        var nodes = new List<List<byte[]>>();
        var size = ListNodeBytes;
        foreach (var element in list.Items)
        {
            var cost = element.Length + ListpackElementOverhead;
            if (size + cost > ListNodeBytes)
            {
                nodes.Add([]);
                size = 0;
            }
            nodes[^1].Add(element);
            size += cost;
        }
        w.WriteByte(RdbType.ListQuicklist2);
        w.WriteLength((ulong)nodes.Count);
        foreach (var node in nodes)
        {
            w.WriteLength(QuicklistPackedNode);
            w.WriteString(Listpack.Write(node));
        }
    }

    private static void Set(RdbWriter w, SetValue set)
    {
        if (!set.IsHashtable && Integers(set) is { } integers)
        {
            w.WriteByte(RdbType.SetIntset);
            w.WriteString(Intset.Write(integers));
            return;
        }
        w.WriteByte(RdbType.Set);
        w.WriteLength((ulong)set.Count);
        foreach (var member in set.Members) w.WriteString(member);
    }

    private static long[]? Integers(SetValue set)
    {
        var integers = new long[set.Count];
        for (var i = 0; i < integers.Length; i++)
            if (!CacheNumbers.TryParseLong(set.Members[i], out integers[i])) return null;
        return integers;
    }

    private static void SortedSet(RdbWriter w, SortedSetValue set)
    {
        if (!set.IsSkiplist)
        {
            var items = new List<byte[]>(set.Count * 2);
            foreach (var m in set.Ordered)
            {
                items.Add(m.Member);
                items.Add(ScoreFormat.FormatBytes(m.Score));
            }
            w.WriteByte(RdbType.SortedSetListpack);
            w.WriteString(Listpack.Write(items));
            return;
        }
        // Highest score first, as Redis writes a skiplist (so that loading it inserts each member at the head).
        w.WriteByte(RdbType.SortedSet2);
        w.WriteLength((ulong)set.Count);
        foreach (var m in set.Ordered.Reverse())
        {
            w.WriteString(m.Member);
            w.WriteBinaryDouble(m.Score);
        }
    }

    private static void Hash(RdbWriter w, HashValue hash)
    {
        if (!hash.IsHashtable)
        {
            w.WriteByte(RdbType.HashListpack);
            w.WriteString(Listpack.Write(hash.Fields.SelectMany(f => new[] { f.Key, f.Value }).ToList()));
            return;
        }
        w.WriteByte(RdbType.Hash);
        w.WriteLength((ulong)hash.Count);
        foreach (var (field, value) in hash.Fields)
        {
            w.WriteString(field);
            w.WriteString(value);
        }
    }
}
