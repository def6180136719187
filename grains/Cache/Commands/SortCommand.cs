using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>
/// SORT and SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC | DESC] [ALPHA] [STORE destination] on
/// the source's shard, reading the keys its patterns name there; and the parts the session runs a sort from when those
/// keys or the destination are elsewhere (<see cref="Elements"/>, <see cref="PatternValues"/>).
/// </summary>
public static class SortCommand
{
    /// <summary>The whole sort on this shard; <paramref name="fromScript"/>: called by a Lua script, which sorts a set even BY nosort.</summary>
    public static CacheReply Run(CacheKeyspace ks, byte[][] a, bool fromScript = false)
    {
        if (Prepare(ks, a, fromScript, out var args, out var input) is { } error) return error;
        byte[]? Read(byte[] key, byte[]? field) => ReadPattern(ks, key, field);
        if (SortRun.Order(args, input, Read, out var ordered) is { } notNumbers) return notNumbers;
        var output = SortRun.Output(args, ordered, input.Start, input.End, Read);
        if (args.Store is null) return SortRun.Reply(output);
        ks.StoreResult(args.Store, output.Count == 0 ? null : StoredList(output), Notifications.KeyspaceEventTypes.List, "sortstore");
        return CacheReply.Int(output.Count);
    }

    /// <summary>The source's elements as <see cref="SortInput.ToReply"/> sends them, or the error.</summary>
    public static CacheReply Elements(CacheKeyspace ks, byte[][] a) => Prepare(ks, a, fromScript: false, out _, out var input) ?? input.ToReply();

    /// <summary>SORT's options read, the source looked up (a list, set or sorted set, or absent) and its elements loaded.</summary>
    private static CacheReply? Prepare(CacheKeyspace ks, byte[][] a, bool fromScript, out SortArgs args, out SortInput input)
    {
        input = null!;
        if (SortArgs.Parse(a, Arg.Is(a[0], "sort_ro"), fullKeyAccess: true, out args) is { } invalid) return invalid;
        var value = ks.Read(a[1])?.Value;
        if (value is not (null or ListValue or SetValue or SortedSetValue)) return CacheErrors.WrongType;
        // Redis turns a sorted set it sorts into a skiplist for good, which OBJECT ENCODING shows.
        (value as SortedSetValue)?.ConvertToSkiplist();
        input = SortInput.Load(args, value, fromScript);
        return null;
    }

    /// <summary>The list STORE writes: absent GET values become empty strings.</summary>
    public static ListValue StoredList(List<byte[]?> output)
    {
        var list = new ListValue();
        foreach (var value in output) list.PushBack(value ?? []);
        return list;
    }

    /// <summary>The values the session asks for: arguments are key and field pairs (an empty field: the key's string value).</summary>
    public static CacheReply PatternValues(CacheKeyspace ks, byte[][] a)
    {
        var values = new CacheReply[(a.Length - 1) / 2];
        for (var i = 0; i < values.Length; i++)
        {
            var field = a[2 + 2 * i];
            values[i] = CacheReply.Bulk(ReadPattern(ks, a[1 + 2 * i], field.Length == 0 ? null : field));
        }
        return CacheReply.Array(values);
    }

    /// <summary>A string key's value, or a hash field's; null when absent or of another type, as Redis' lookupKeyByPattern.</summary>
    private static byte[]? ReadPattern(CacheKeyspace ks, byte[] key, byte[]? field)
    {
        var value = ks.Read(key)?.Value;
        return field is null ? value as byte[] : (value as HashValue)?.Get(field);
    }
}
