using DataTier.Cache.Keyspace;
using DataTier.Cache.Streams;
using Lookup = DataTier.Cache.Commands.TypedLookup<DataTier.Cache.Streams.StreamValue>;

namespace DataTier.Cache.Commands;

/// <summary>XINFO STREAM, GROUPS and CONSUMERS (the session has checked the subcommand and its arity).</summary>
public static class StreamInfo
{
    public static CacheReply Info(CacheKeyspace ks, byte[][] a)
    {
        var stream = Lookup.Find(ks, a[2], false, out _, out var error);
        if (error is not null) return error;
        if (stream is null) return CacheErrors.NoSuchKey;
        if (Arg.Is(a[1], "groups")) return CacheReply.Array(stream.Groups.Values.Select(g => Group(stream, g)).ToArray());
        if (Arg.Is(a[1], "consumers"))
        {
            if (!stream.Groups.TryGetValue(a[3], out var group)) return StreamErrors.NoGroupForKey(a[3], a[2]);
            return CacheReply.Array(group.Consumers.Values.Select(c => CacheReply.Map(
            [
                CacheReply.Bulk("name"), CacheReply.Bulk(c.Name),
                CacheReply.Bulk("pending"), CacheReply.Int(c.Pending.Count),
                CacheReply.Bulk("idle"), CacheReply.Int(Math.Max(0, ks.Now - c.SeenAt)),
            ])).ToArray());
        }
        if (a.Length == 3) return Stream(stream);
        if (!Arg.Is(a[3], "full") || a.Length is not (4 or 6) || a.Length == 6 && !Arg.Is(a[4], "count")) return StreamSubcommands.Unknown(a[1], "XINFO");
        long count = 10;
        if (a.Length == 6 && !CacheNumbers.TryParseLong(a[5], out count)) return CacheErrors.NotInteger;
        return StreamInfoFull.Full(stream, count <= 0 ? long.MaxValue : count);
    }

    private static CacheReply Group(StreamValue stream, StreamGroup group) => CacheReply.Map(
    [
        CacheReply.Bulk("name"), CacheReply.Bulk(group.Name),
        CacheReply.Bulk("consumers"), CacheReply.Int(group.Consumers.Count),
        CacheReply.Bulk("pending"), CacheReply.Int(group.Pending.Count),
        CacheReply.Bulk("last-delivered-id"), StreamIds.Bulk(group.LastDelivered),
        CacheReply.Bulk("entries-read"), group.EntriesRead == StreamGroup.Unknown ? CacheReply.Nil : CacheReply.Int(group.EntriesRead),
        CacheReply.Bulk("lag"), StreamLag.Lag(stream, group) is { } lag ? CacheReply.Int(lag) : CacheReply.Nil,
    ]);

    /// <summary>
    /// XINFO STREAM. The radix tree figures describe Redis' storage: the keys are the nodes entries were appended to, as
    /// here; the tree's inner nodes have no counterpart, so one more than the keys is reported.
    /// </summary>
    private static CacheReply Stream(StreamValue stream) => CacheReply.Map(
    [
        .. Header(stream),
        CacheReply.Bulk("groups"), CacheReply.Int(stream.Groups.Count),
        CacheReply.Bulk("first-entry"), stream.Count > 0 ? StreamIds.Entry(stream.Entries[0]) : CacheReply.Nil,
        CacheReply.Bulk("last-entry"), stream.Count > 0 ? StreamIds.Entry(stream.Entries[^1]) : CacheReply.Nil,
    ]);

    /// <summary>The fields XINFO STREAM starts with, in both forms.</summary>
    public static CacheReply[] Header(StreamValue stream)
    {
        var nodes = stream.Entries.Select(e => e.Node).Distinct().Count();
        return
        [
            CacheReply.Bulk("length"), CacheReply.Int(stream.Count),
            CacheReply.Bulk("radix-tree-keys"), CacheReply.Int(nodes),
            CacheReply.Bulk("radix-tree-nodes"), CacheReply.Int(nodes + 1),
            CacheReply.Bulk("last-generated-id"), StreamIds.Bulk(stream.LastId),
            CacheReply.Bulk("max-deleted-entry-id"), StreamIds.Bulk(stream.MaxDeletedId),
            CacheReply.Bulk("entries-added"), CacheReply.Int(stream.EntriesAdded),
            CacheReply.Bulk("recorded-first-entry-id"), StreamIds.Bulk(stream.FirstId),
        ];
    }
}
