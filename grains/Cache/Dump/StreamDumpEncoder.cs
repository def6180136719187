using DataTier.Cache.Streams;
using static DataTier.Cache.Dump.StreamRdbLayout;

namespace DataTier.Cache.Dump;

/// <summary>
/// A stream in Redis 7.0's second stream type (the layout <see cref="StreamDumpDecoder"/> reads): one listpack node per
/// storage node of the stream, its master entry taking the node's first entry's ID and fields, so entries with the same
/// fields store only their values, as Redis does.
/// </summary>
public static class StreamDumpEncoder
{
    public static void Encode(RdbWriter w, StreamValue stream)
    {
        var nodes = Nodes(stream);
        w.WriteLength((ulong)nodes.Count);
        foreach (var node in nodes)
        {
            w.WriteString(RawId(node[0].Id));
            w.WriteString(Listpack.Write(NodeItems(node)));
        }
        w.WriteLength((ulong)stream.Count);
        WriteId(w, stream.LastId);
        WriteId(w, stream.FirstId);
        WriteId(w, stream.MaxDeletedId);
        w.WriteLength((ulong)stream.EntriesAdded);
        w.WriteLength((ulong)stream.Groups.Count);
        foreach (var group in stream.Groups.Values)
        {
            w.WriteString(group.Name);
            WriteId(w, group.LastDelivered);
            w.WriteLength((ulong)group.EntriesRead);
            w.WriteLength((ulong)group.Pending.Count);
            foreach (var (id, pending) in group.Pending)
            {
                w.WriteBytes(RawId(id));
                w.WriteMilliseconds(pending.DeliveredAt);
                w.WriteLength((ulong)pending.Deliveries);
            }
            w.WriteLength((ulong)group.Consumers.Count);
            foreach (var consumer in group.Consumers.Values)
            {
                w.WriteString(consumer.Name);
                w.WriteMilliseconds(consumer.SeenAt);
                w.WriteLength((ulong)consumer.Pending.Count);
                foreach (var id in consumer.Pending) w.WriteBytes(RawId(id));
            }
        }
    }

    /// <summary>The entries in runs of one storage node each.</summary>
    private static List<List<StreamEntry>> Nodes(StreamValue stream)
    {
        var nodes = new List<List<StreamEntry>>();
        foreach (var entry in stream.Entries)
        {
            if (nodes.Count == 0 || nodes[^1][0].Node != entry.Node) nodes.Add([]);
            nodes[^1].Add(entry);
        }
        return nodes;
    }

    private static List<byte[]> NodeItems(List<StreamEntry> node)
    {
        var master = node[0];
        var masterFields = Names(master.Fields).ToArray();
        var items = new List<byte[]> { Number(node.Count), Number(0), Number(masterFields.Length) };
        items.AddRange(masterFields);
        items.Add(Number(0));
        foreach (var entry in node)
        {
            var same = Names(entry.Fields).SequenceEqual(masterFields, Keyspace.ByteArrayComparer.Instance);
            items.Add(Number(same ? SameFieldsFlag : 0));
            items.Add(Number((long)(entry.Id.Ms - master.Id.Ms)));
            items.Add(Number((long)(entry.Id.Seq - master.Id.Seq)));
            var pairs = entry.Fields.Length / 2;
            if (same)
                for (var i = 1; i < entry.Fields.Length; i += 2) items.Add(entry.Fields[i]);
            else
            {
                items.Add(Number(pairs));
                items.AddRange(entry.Fields);
            }
            // The entry's element count, which lets Redis walk a node backwards.
            items.Add(Number(same ? pairs + 3 : pairs * 2 + 4));
        }
        return items;
    }

    private static IEnumerable<byte[]> Names(byte[][] fields) => fields.Where((_, i) => i % 2 == 0);

    private static byte[] Number(long value) => CacheNumbers.ToBytes(value);

    private static void WriteId(RdbWriter w, StreamEntryId id)
    {
        w.WriteLength(id.Ms);
        w.WriteLength(id.Seq);
    }
}
