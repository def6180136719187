using DataTier.Model;

namespace DataTier.Store.DynamoDb;

/// <summary>What a batch intent holds: every item write and change record of the batch, in a compact binary form.</summary>
internal static class IntentBody
{
    public static byte[] Encode(IReadOnlyList<ItemWrite> writes, IReadOnlyList<ChangeRecord> changes)
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
        }
        return stream.ToArray();
    }

    public static (List<ItemWrite> Writes, List<ChangeRecord> Changes) Decode(byte[] body)
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
        return (writes, changes);
    }
}
