using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>HRANDFIELD key [count [WITHVALUES]]: distinct fields for a positive count, possibly repeated ones for a negative count.</summary>
public static class HashRandom
{
    private static IEnumerable<KeyValuePair<byte[], byte[]>> Pick(KeyValuePair<byte[], byte[]>[] fields, long count)
    {
        if (count < 0) return Enumerable.Range(0, (int)-count).Select(_ => fields[Random.Shared.Next(fields.Length)]);
        if (count >= fields.Length) return fields;
        Random.Shared.Shuffle(fields);
        return fields.Take((int)count);
    }

    public static CacheReply Fields(CacheKeyspace ks, byte[][] a)
    {
        if (RandomCountArgs.Find<HashValue>(ks, a, "withvalues", out var args, out var hash) is { } known) return known;
        var fields = hash.Fields.ToArray();
        if (!args.HasCount) return CacheReply.Bulk(fields[Random.Shared.Next(fields.Length)].Key);
        var items = new List<CacheReply>();
        foreach (var (field, value) in Pick(fields, args.Count))
        {
            items.Add(CacheReply.Bulk(field));
            if (args.WithPairs) items.Add(CacheReply.Bulk(value));
        }
        return args.WithPairs ? CacheReply.Pairs([.. items]) : CacheReply.Array([.. items]);
    }
}
