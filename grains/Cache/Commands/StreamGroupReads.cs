using DataTier.Cache.Blocking;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Streams;
using Lookup = DataTier.Cache.Commands.TypedLookup<DataTier.Cache.Streams.StreamValue>;

namespace DataTier.Cache.Commands;

/// <summary>XREADGROUP's part on one key's shard: new entries (<c>&gt;</c>) or the consumer's history.</summary>
public static class StreamGroupReads
{
    /// <summary>
    /// Internal: key, group, consumer, ID (<c>&gt;</c> or a history ID), count (0: all), NOACK (1 or 0), wait-until in Unix
    /// ms (0: no wait), and for a blocking read its ticket. The entries delivered as an array; for <c>&gt;</c> with nothing
    /// new, or before the ticket's turn in the group's line of blocked readers, nil (the ticket staying in line to be
    /// woken in its turn). A count of -1 only checks that the group exists (OK or the error), as Redis does for every key
    /// before reading any. A ticket already in line whose stream or group has gone gets the error Redis 7.0 unblocks its client with.
    /// </summary>
    public static CacheReply ReadOrAwait(CacheKeyspace ks, byte[][] a)
    {
        CacheNumbers.TryParseLong(a[5], out var count);
        var noAck = a[6].Length == 1 && a[6][0] == (byte)'1';
        CacheNumbers.TryParseLong(a[7], out var until);
        var ticket = until > 0 && Arg.Is(a[4], ">") ? WaitTicket.Read(a, 8) : null;
        var blocked = ticket is { } t && ks.InGroupLine(a[1], a[2], t);
        var stream = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null || stream is null) return blocked ? StreamErrors.KeyGoneWhileBlocked : error ?? NoKeyOrGroup(a);
        if (!stream.Groups.TryGetValue(a[2], out var group)) return blocked ? StreamErrors.GroupGoneWhileBlocked : NoKeyOrGroup(a);
        if (count < 0) return CacheReply.Ok;
        CacheReply reply;
        // Redis stands for ">" with the greatest ID, so that ID reads new entries too.
        var history = StreamEntryId.TryParse(a[4], 0, special: false, out var from) && from != StreamEntryId.Max;
        if (!history)
        {
            if (ticket is { } waiting && !ks.TakeGroupTurn(a[1], a[2], waiting, until, HasNew(stream, group))) return CacheReply.Nil;
            // As Redis 7.0, a read with nothing new neither creates the consumer nor marks it seen.
            if (!HasNew(stream, group))
            {
                if (until > 0 && ticket is null) ks.AwaitKey(a[1], until);
                return CacheReply.Nil;
            }
            reply = ReadNew(ks, stream, group, StreamConsumers.Seen(ks, a[1], group, a[3]), count, noAck);
            if (ticket is { } served) ks.LeaveGroupLine(a[1], a[2], served, HasNew(stream, group));
        }
        else
        {
            reply = ReadHistory(ks, stream, group, StreamConsumers.Seen(ks, a[1], group, a[3]), from, count);
        }
        ks.Resize(entry!);
        return reply;
    }

    private static CacheReply NoKeyOrGroup(byte[][] a) => StreamErrors.NoKeyOrGroup(a[1], a[2], " in XREADGROUP with GROUP option");

    /// <summary>Whether the group has entries it has not delivered yet.</summary>
    public static bool HasNew(StreamValue stream, StreamGroup group) =>
        group.LastDelivered.TryNext(out var start) && stream.IndexAtOrAfter(start) < stream.Count;

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

    /// <summary>The consumer's pending entries after <paramref name="after"/>: each delivered again ([id, nil] for one deleted since).</summary>
    private static CacheReply ReadHistory(CacheKeyspace ks, StreamValue stream, StreamGroup group, StreamConsumer consumer, StreamEntryId after, long count)
    {
        var replies = new List<CacheReply>();
        after.TryNext(out var from);
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
