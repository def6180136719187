using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Snapshots;

/// <summary>A shard's entries as bytes: count, then per entry its type, key, expiry, flags and value.</summary>
public static class CacheSnapshotCodec
{
    public static byte[] Encode(IReadOnlyList<EntrySnapshot> entries)
    {
        using var memory = new MemoryStream();
        using var w = new BinaryWriter(memory);
        w.Write(entries.Count);
        foreach (var e in entries)
        {
            w.Write(e.Type);
            Bytes(w, e.Key);
            w.Write(e.ExpiresAt);
            w.Write(e.Flags);
            if (e.Type == 0)
            {
                Bytes(w, e.String!);
                continue;
            }
            w.Write(e.Items!.Length);
            foreach (var item in e.Items) Bytes(w, item);
            if (e.Type == 2) foreach (var score in e.Scores!) w.Write(score);
        }
        w.Flush();
        return memory.ToArray();
    }

    public static List<EntrySnapshot> Decode(byte[] data)
    {
        using var r = new BinaryReader(new MemoryStream(data));
        var count = r.ReadInt32();
        var entries = new List<EntrySnapshot>(count);
        for (var i = 0; i < count; i++)
        {
            var type = r.ReadByte();
            var key = Bytes(r);
            var expiresAt = r.ReadInt64();
            var flags = r.ReadUInt32();
            if (type == 0)
            {
                entries.Add(new EntrySnapshot { Type = 0, Key = key, ExpiresAt = expiresAt, Flags = flags, String = Bytes(r) });
                continue;
            }
            var items = new byte[r.ReadInt32()][];
            for (var j = 0; j < items.Length; j++) items[j] = Bytes(r);
            double[]? scores = null;
            if (type == 2)
            {
                scores = new double[items.Length];
                for (var j = 0; j < scores.Length; j++) scores[j] = r.ReadDouble();
            }
            entries.Add(new EntrySnapshot { Type = type, Key = key, ExpiresAt = expiresAt, Flags = flags, Items = items, Scores = scores });
        }
        return entries;
    }

    private static void Bytes(BinaryWriter w, byte[] bytes)
    {
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    private static byte[] Bytes(BinaryReader r) => r.ReadBytes(r.ReadInt32());
}
