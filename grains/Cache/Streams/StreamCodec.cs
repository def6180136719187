namespace DataTier.Cache.Streams;

/// <summary>A stream, with its groups and pending entries, in one byte array (snapshots, replication, migration).</summary>
public static class StreamCodec
{
    public static byte[] Encode(StreamValue stream)
    {
        using var buffer = new MemoryStream();
        using var w = new BinaryWriter(buffer);
        Id(w, stream.LastId);
        Id(w, stream.MaxDeletedId);
        w.Write(stream.EntriesAdded);
        w.Write(stream.Entries.Count);
        foreach (var entry in stream.Entries)
        {
            Id(w, entry.Id);
            w.Write(entry.Node);
            w.Write(entry.Fields.Length);
            foreach (var field in entry.Fields) Bytes(w, field);
        }
        w.Write(stream.Groups.Count);
        foreach (var group in stream.Groups.Values)
        {
            Bytes(w, group.Name);
            Id(w, group.LastDelivered);
            w.Write(group.EntriesRead);
            w.Write(group.Consumers.Count);
            foreach (var consumer in group.Consumers.Values)
            {
                Bytes(w, consumer.Name);
                w.Write(consumer.SeenAt);
            }
            w.Write(group.Pending.Count);
            foreach (var (id, pending) in group.Pending)
            {
                Id(w, id);
                Bytes(w, pending.Consumer.Name);
                w.Write(pending.DeliveredAt);
                w.Write(pending.Deliveries);
            }
        }
        w.Flush();
        return buffer.ToArray();
    }

    public static StreamValue Decode(byte[] data)
    {
        using var r = new BinaryReader(new MemoryStream(data));
        var stream = new StreamValue { LastId = Id(r), MaxDeletedId = Id(r), EntriesAdded = r.ReadInt64() };
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var id = Id(r);
            var node = r.ReadInt64();
            var fields = new byte[r.ReadInt32()][];
            for (var i = 0; i < fields.Length; i++) fields[i] = Bytes(r);
            stream.Restore(new StreamEntry(id, fields, node));
        }
        for (var g = r.ReadInt32(); g > 0; g--)
        {
            var group = new StreamGroup(Bytes(r), Id(r), r.ReadInt64());
            for (var c = r.ReadInt32(); c > 0; c--)
            {
                var name = Bytes(r);
                group.Consumers[name] = new StreamConsumer(name, r.ReadInt64());
            }
            for (var p = r.ReadInt32(); p > 0; p--)
            {
                var id = Id(r);
                var consumer = group.Consumers[Bytes(r)];
                group.Pending[id] = new PendingEntry(consumer, r.ReadInt64(), r.ReadInt64());
                consumer.Pending.Add(id);
            }
            stream.AddGroup(group);
        }
        return stream;
    }

    private static void Id(BinaryWriter w, StreamEntryId id)
    {
        w.Write(id.Ms);
        w.Write(id.Seq);
    }

    private static StreamEntryId Id(BinaryReader r) => new(r.ReadUInt64(), r.ReadUInt64());

    private static void Bytes(BinaryWriter w, byte[] bytes)
    {
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    private static byte[] Bytes(BinaryReader r) => r.ReadBytes(r.ReadInt32());
}
