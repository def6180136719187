using DataTier.Cache.Keyspace;
using DataTier.Cache.Streams;
using Lookup = DataTier.Cache.Commands.TypedLookup<DataTier.Cache.Streams.StreamValue>;

namespace DataTier.Cache.Commands;

/// <summary>XREADGROUP's part on one key's shard: new entries (<c>&gt;</c>) or the consumer's history.</summary>
public static class StreamGroupReads
{
    /// <summary>
    /// Internal: key, group, consumer, ID (<c>&gt;</c> or a history ID), count (0: all), NOACK (1 or 0), wait-until in Unix
    /// ms (0: no wait). The entries delivered as an array; for <c>&gt;</c> with nothing new, nil (and a wait as XREAD's).
    /// A count of -1 only checks that the group exists (OK or the error), as Redis does for every key before reading any.
    /// </summary>
    public static CacheReply ReadOrAwait(CacheKeyspace ks, byte[][] a)
    {
        CacheNumbers.TryParseLong(a[5], out var count);
        var noAck = a[6].Length == 1 && a[6][0] == (byte)'1';
        CacheNumbers.TryParseLong(a[7], out var until);
        var stream = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (stream is null || !stream.Groups.TryGetValue(a[2], out var group))
            return StreamErrors.NoKeyOrGroup(a[1], a[2], " in XREADGROUP with GROUP option");
        if (count < 0) return CacheReply.Ok;
        var consumer = group.Consumer(a[3], ks.Now, out var consumerCreated);
        if (consumerCreated) ks.StreamEvent("xgroup-createconsumer", a[1]);
        consumer.SeenAt = ks.Now;
        CacheReply reply;
        if (Arg.Is(a[4], ">"))
        {
            reply = ReadNew(ks, stream, group, consumer, count, noAck);
            if (reply.Items!.Length == 0)
            {
                if (until > 0) ks.AwaitKey(a[1], until);
                reply = CacheReply.Nil;
            }
        }
        else
        {
            StreamEntryId.TryParse(a[4], 0, special: false, out var from);
            reply = ReadHistory(ks, stream, group, consumer, from, count);
        }
        ks.Resize(entry!);
        return reply;
    }

    private static CacheReply ReadNew(CacheKeyspace ks, StreamValue stream, StreamGroup group, StreamConsumer consumer, long count, bool noAck)
    {
        if (!group.LastDelivered.TryNext(out var start)) return CacheReply.EmptyArray;
        var entries = StreamIds.Range(stream, start, StreamEntryId.Max, count, reverse: false);
        foreach (var e in entries)
        {
            StreamLag.Delivered(stream, group, e.Id);
            if (!noAck) group.Deliver(e.Id, consumer, ks.Now);
        }
        return CacheReply.Array(entries.Select(StreamIds.Entry).ToArray());
    }

    /// <summary>The consumer's pending entries from <paramref name="from"/>: each delivered again ([id, nil] for one deleted since).</summary>
    private static CacheReply ReadHistory(CacheKeyspace ks, StreamValue stream, StreamGroup group, StreamConsumer consumer, StreamEntryId from, long count)
    {
        var replies = new List<CacheReply>();
        foreach (var id in consumer.Pending.GetViewBetween(from, StreamEntryId.Max).ToList())
        {
            if (count > 0 && replies.Count >= count) break;
            var found = stream.Find(id);
            if (found is null)
            {
                replies.Add(CacheReply.Array([StreamIds.Bulk(id), CacheReply.NilArray]));
                continue;
            }
            var pending = group.Pending[id];
            pending.DeliveredAt = ks.Now;
            pending.Deliveries++;
            replies.Add(StreamIds.Entry(found));
        }
        return CacheReply.Array([.. replies]);
    }
}
