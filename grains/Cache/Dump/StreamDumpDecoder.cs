using DataTier.Cache.Streams;
using static DataTier.Cache.Dump.StreamRdbLayout;

namespace DataTier.Cache.Dump;

/// <summary>
/// A stream as RDB holds it: its radix tree's nodes (each a master ID and a listpack of entries relative to it), its
/// counters, then each consumer group with its pending entries and consumers. The second type (Redis 7.0) adds the first
/// ID, the largest deleted ID, the entries added and each group's entries read; the third (7.2) each consumer's active time.
/// </summary>
public static class StreamDumpDecoder
{
    public static StreamValue Decode(ref RdbReader r, byte type)
    {
        var stream = new StreamValue();
        var node = 0L;
        for (var nodes = r.ReadLength(); nodes > 0; nodes--)
        {
            var master = r.ReadString();
            if (master.Length != RawIdSize) throw RdbReader.Corrupt("bad stream node key");
            ReadNode(stream, ReadRawId(master), Listpack.Read(r.ReadString()), node++);
        }
        r.ReadLength(); // the entry count, which the nodes have given
        stream.LastId = ReadId(ref r);
        if (type >= RdbType.StreamListpacks2)
        {
            ReadId(ref r); // the first ID, which the nodes have given
            stream.MaxDeletedId = ReadId(ref r);
            stream.EntriesAdded = (long)r.ReadLength();
        }
        else stream.EntriesAdded = stream.Count;
        if (stream.Count > 0 && stream.Entries[^1].Id > stream.LastId) throw RdbReader.Corrupt("stream entry after the last ID");
        for (var groups = r.ReadLength(); groups > 0; groups--) ReadGroup(ref r, stream, type);
        return stream;
    }

    /// <summary>
    /// A node's listpack: the master entry (valid and deleted counts, the master fields, a 0), then each entry's flags,
    /// ID as differences from the master ID, fields (or only values when it has the master's fields) and element count.
    /// </summary>
    private static void ReadNode(StreamValue stream, StreamEntryId master, List<byte[]> lp, long node)
    {
        var at = 0;
        var valid = Number(lp, ref at);
        var deleted = Number(lp, ref at);
        var masterFields = new byte[Count(lp, ref at)][];
        for (var i = 0; i < masterFields.Length; i++) masterFields[i] = Item(lp, ref at);
        if (Number(lp, ref at) != 0) throw RdbReader.Corrupt("bad stream master entry");
        long seenValid = 0, seenDeleted = 0;
        while (at < lp.Count)
        {
            var flags = Number(lp, ref at);
            var id = new StreamEntryId(master.Ms + (ulong)Number(lp, ref at), master.Seq + (ulong)Number(lp, ref at));
            byte[][] fields;
            if ((flags & SameFieldsFlag) != 0)
            {
                fields = new byte[masterFields.Length * 2][];
                for (var i = 0; i < masterFields.Length; i++)
                {
                    fields[2 * i] = masterFields[i];
                    fields[2 * i + 1] = Item(lp, ref at);
                }
            }
            else
            {
                fields = new byte[Count(lp, ref at) * 2][];
                for (var i = 0; i < fields.Length; i++) fields[i] = Item(lp, ref at);
            }
            Number(lp, ref at); // the entry's element count, for walking backwards
            if ((flags & DeletedFlag) != 0)
            {
                seenDeleted++;
                continue;
            }
            seenValid++;
            if (stream.Count > 0 && id <= stream.Entries[^1].Id) throw RdbReader.Corrupt("stream entries out of order");
            stream.Restore(new StreamEntry(id, fields, node));
        }
        if (seenValid != valid || seenDeleted != deleted || valid == 0) throw RdbReader.Corrupt("stream node counts do not match");
    }

    private static void ReadGroup(ref RdbReader r, StreamValue stream, byte type)
    {
        var name = r.ReadString();
        var lastDelivered = ReadId(ref r);
        var entriesRead = type >= RdbType.StreamListpacks2 ? (long)r.ReadLength() : StreamLag.EntriesBefore(stream, lastDelivered);
        if (stream.Groups.ContainsKey(name)) throw RdbReader.Corrupt("duplicate consumer group");
        var group = new StreamGroup(name, lastDelivered, entriesRead);
        var pending = new Dictionary<StreamEntryId, (long DeliveredAt, long Deliveries)>();
        for (var count = r.ReadLength(); count > 0; count--)
        {
            var id = ReadRawId(r.ReadBytes(RawIdSize));
            if (!pending.TryAdd(id, (r.ReadMilliseconds(), (long)r.ReadLength()))) throw RdbReader.Corrupt("duplicate pending entry");
        }
        for (var consumers = r.ReadLength(); consumers > 0; consumers--)
        {
            var consumerName = r.ReadString();
            var consumer = new StreamConsumer(consumerName, r.ReadMilliseconds());
            if (type >= RdbType.StreamListpacks3) r.ReadMilliseconds(); // the active time, which this cache does not keep apart
            if (!group.Consumers.TryAdd(consumerName, consumer)) throw RdbReader.Corrupt("duplicate consumer");
            for (var count = r.ReadLength(); count > 0; count--)
            {
                var id = ReadRawId(r.ReadBytes(RawIdSize));
                if (!pending.Remove(id, out var delivery)) throw RdbReader.Corrupt("consumer entry not in the group's pending list");
                group.Pending[id] = new PendingEntry(consumer, delivery.DeliveredAt, delivery.Deliveries);
                consumer.Pending.Add(id);
            }
        }
        if (pending.Count > 0) throw RdbReader.Corrupt("pending entry without a consumer");
        stream.AddGroup(group);
    }

    private static StreamEntryId ReadId(ref RdbReader r) => new(r.ReadLength(), r.ReadLength());

    private static byte[] Item(List<byte[]> lp, ref int at) => at < lp.Count ? lp[at++] : throw RdbReader.Corrupt("stream node ends early");

    private static long Number(List<byte[]> lp, ref int at) =>
        CacheNumbers.TryParseLong(Item(lp, ref at), out var value) ? value : throw RdbReader.Corrupt("stream node number expected");

    /// <summary>A count of the items that follow, no more than the node has left.</summary>
    private static int Count(List<byte[]> lp, ref int at) =>
        Number(lp, ref at) is var n && n >= 0 && n <= lp.Count - at ? (int)n : throw RdbReader.Corrupt("bad stream field count");
}
