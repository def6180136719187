using DataTier.Model;

namespace DataTier.Store.DynamoDb;

/// <summary>What a batch intent holds: every item write, change record and index entry of the batch, in a compact binary form.</summary>
internal static class IntentBody
{
    public static byte[] Encode(IReadOnlyList<ItemWrite> writes, IReadOnlyList<ChangeRecord> changes, IReadOnlyList<IndexEntryWrite> indexEntries)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(writes.Count);
            foreach (var write in writes)
            {
                w.Write(write.Position.Length);
                w.Write(write.Position);
                w.Write(write.ExpectedVersion);
                w.Write(write.NewVersion);
                w.Write(write.Attributes is not null);
                if (write.Attributes is null) continue;
                var data = ItemCodec.Encode(write.Attributes);
                w.Write(data.Length);
                w.Write(data);
            }
            w.Write(changes.Count);
            foreach (var change in changes)
            {
                w.Write(change.Log);
                w.Write(change.Sequence);
                w.Write(change.Payload.Length);
                w.Write(change.Payload);
            }
            w.Write(indexEntries.Count);
            foreach (var entry in indexEntries)
            {
                w.Write(entry.Index);
                w.Write(entry.Position.Length);
                w.Write(entry.Position);
                w.Write(entry.Version);
                w.Write(entry.Attributes is not null);
                if (entry.Attributes is null) continue;
                var data = ItemCodec.Encode(entry.Attributes);
                w.Write(data.Length);
                w.Write(data);
            }
        }
        return stream.ToArray();
    }

    public static (List<ItemWrite> Writes, List<ChangeRecord> Changes, List<IndexEntryWrite> IndexEntries) Decode(byte[] body)
    {
        using var r = new BinaryReader(new MemoryStream(body));
        var writes = new List<ItemWrite>();
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var position = r.ReadBytes(r.ReadInt32());
            var expected = r.ReadInt64();
            var next = r.ReadInt64();
            var attributes = r.ReadBoolean() ? ItemCodec.Decode(r.ReadBytes(r.ReadInt32())) : null;
            writes.Add(new ItemWrite(position, expected, next, attributes));
        }
        var changes = new List<ChangeRecord>();
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var log = r.ReadString();
            var sequence = r.ReadInt64();
            changes.Add(new ChangeRecord(log, sequence, r.ReadBytes(r.ReadInt32())));
        }
        var entries = new List<IndexEntryWrite>();
        if (r.BaseStream.Position < r.BaseStream.Length)
        {
            for (var n = r.ReadInt32(); n > 0; n--)
            {
                var index = r.ReadString();
                var position = r.ReadBytes(r.ReadInt32());
                var version = r.ReadInt64();
                var attributes = r.ReadBoolean() ? ItemCodec.Decode(r.ReadBytes(r.ReadInt32())) : null;
                entries.Add(new IndexEntryWrite(index, position, version, attributes));
            }
        }
        return (writes, changes, entries);
    }
}
