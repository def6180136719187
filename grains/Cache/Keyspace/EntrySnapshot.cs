using DataTier.Cache.Streams;
using DataTier.Cache.Values;

namespace DataTier.Cache.Keyspace;

/// <summary>A key's value and expiry in serializable form: for a shard's migration and for RENAME across shards.</summary>
[GenerateSerializer, Immutable]
public sealed class EntrySnapshot
{
    [Id(0)] public byte[] Key { get; init; } = [];
    /// <summary>0 string, 1 hash, 2 sorted set, 3 list, 4 set, 5 stream.</summary>
    [Id(1)] public byte Type { get; init; }
    [Id(2)] public byte[]? String { get; init; }
    /// <summary>Hash fields and values (alternating), sorted set or set members, list elements in order, or a stream's one encoding (<see cref="StreamCodec"/>).</summary>
    [Id(3)] public byte[][]? Items { get; init; }
    [Id(4)] public double[]? Scores { get; init; }
    [Id(5)] public long ExpiresAt { get; init; }
    [Id(6)] public uint Flags { get; init; }
    [Id(7)] public ulong Cas { get; init; }
    /// <summary>A string's <see cref="StringEncoding"/>; for a hash, set or sorted set, 1 when it has taken Redis' large encoding (which it keeps).</summary>
    [Id(8)] public byte Encoding { get; init; }

    public static EntrySnapshot Of(CacheEntry entry, byte[]? key = null)
    {
        var k = key ?? entry.Key;
        switch (entry.Value)
        {
            case HashValue hash:
                var items = new byte[hash.Count * 2][];
                var i = 0;
                foreach (var (f, v) in hash.Fields)
                {
                    items[i++] = f;
                    items[i++] = v;
                }
                return new EntrySnapshot { Key = k, Type = 1, Items = items, ExpiresAt = entry.ExpiresAt, Encoding = Large(hash.IsHashtable) };
            case SortedSetValue set:
                return new EntrySnapshot
                {
                    Key = k, Type = 2, ExpiresAt = entry.ExpiresAt, Encoding = Large(set.IsSkiplist),
                    Items = set.Ordered.Select(m => m.Member).ToArray(),
                    Scores = set.Ordered.Select(m => m.Score).ToArray(),
                };
            case ListValue list:
                return new EntrySnapshot { Key = k, Type = 3, Items = [.. list.Items], ExpiresAt = entry.ExpiresAt };
            case SetValue members:
                return new EntrySnapshot { Key = k, Type = 4, Items = [.. members.Members], ExpiresAt = entry.ExpiresAt, Encoding = Large(members.IsHashtable) };
            case StreamValue stream:
                return new EntrySnapshot { Key = k, Type = 5, Items = [StreamCodec.Encode(stream)], ExpiresAt = entry.ExpiresAt };
            default:
                return new EntrySnapshot
                {
                    Key = k, Type = 0, String = (byte[])entry.Value, ExpiresAt = entry.ExpiresAt, Flags = entry.Flags, Cas = entry.Cas,
                    Encoding = (byte)entry.StringEncoding,
                };
        }
    }

    private static byte Large(bool large) => large ? (byte)1 : (byte)0;

    /// <summary>
    /// This value under another key (RENAME, COPY). A copy gets its own string bytes (strings are changed in place) and,
    /// as Redis' COPY duplicates the object, never the shared small integer.
    /// </summary>
    public EntrySnapshot For(byte[] key, bool copy)
    {
        var encoding = copy && Type == 0 && Encoding == (byte)StringEncoding.Auto ? (byte)StringEncoding.Unshared : Encoding;
        return new EntrySnapshot
        {
            Key = key, Type = Type, String = copy ? String?.ToArray() : String, Items = Items, Scores = Scores, ExpiresAt = ExpiresAt,
            Flags = Flags, Encoding = encoding,
        };
    }

    public object ToValue()
    {
        switch (Type)
        {
            case 1:
                var hash = new HashValue();
                for (var i = 0; i + 1 < Items!.Length; i += 2) hash.Set(Items[i], Items[i + 1]);
                if (Encoding != 0) hash.ConvertToHashtable();
                return hash;
            case 2:
                var set = new SortedSetValue();
                for (var i = 0; i < Items!.Length; i++) set.Set(Items[i], Scores![i]);
                if (Encoding != 0) set.ConvertToSkiplist();
                return set;
            case 3:
                var list = new ListValue();
                foreach (var element in Items!) list.PushBack(element);
                return list;
            case 4:
                var members = SetValue.Of(Items!);
                if (Encoding != 0) members.ConvertToHashtable();
                return members;
            case 5:
                return StreamCodec.Decode(Items![0]);
            default:
                return String!;
        }
    }
}
