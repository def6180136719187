using DataTier.Cache.Keyspace;
using DataTier.Cache.Streams;
using Lookup = DataTier.Cache.Commands.TypedLookup<DataTier.Cache.Streams.StreamValue>;

namespace DataTier.Cache.Commands;

/// <summary>XPENDING key group [[IDLE min-idle-time] start end count [consumer]]: the summary, or the pending entries in a range.</summary>
public static class StreamPending
{
    public static CacheReply Pending(CacheKeyspace ks, byte[][] a)
    {
        if (a.Length != 3 && (a.Length < 6 || a.Length > 9)) return CacheErrors.Syntax;
        long minIdle = 0, count = 0;
        StreamEntryId start = default, end = default;
        byte[]? consumerName = null;
        var extended = a.Length >= 6;
        if (extended)
        {
            var at = 3;
            if (Arg.Is(a[3], "idle"))
            {
                if (!CacheNumbers.TryParseLong(a[4], out minIdle)) return CacheErrors.NotInteger;
                if (a.Length < 8) return CacheErrors.Syntax;
                at += 2;
            }
            if (!CacheNumbers.TryParseLong(a[at + 2], out count)) return CacheErrors.NotInteger;
            if (count < 0) count = 0;
            if (StreamIds.ParseBound(a[at], start: true, out start) is { } badStart) return badStart;
            if (StreamIds.ParseBound(a[at + 1], start: false, out end) is { } badEnd) return badEnd;
            if (at + 3 < a.Length) consumerName = a[at + 3];
        }
        var stream = Lookup.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        if (stream is null || !stream.Groups.TryGetValue(a[2], out var group))
            return StreamErrors.NoKeyOrGroup(a[1], a[2]);
        return extended ? Range(ks, group, start, end, count, minIdle, consumerName) : Summary(group);
    }

    private static CacheReply Summary(StreamGroup group)
    {
        if (group.Pending.Count == 0) return CacheReply.Array([CacheReply.Zero, CacheReply.Nil, CacheReply.Nil, CacheReply.NilArray]);
        var consumers = group.Consumers.Values.Where(c => c.Pending.Count > 0)
            .Select(c => CacheReply.Array([CacheReply.Bulk(c.Name), CacheReply.Bulk(c.Pending.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]))
            .ToArray();
        return CacheReply.Array([CacheReply.Int(group.Pending.Count), StreamIds.Bulk(group.Pending.Keys.First()),
            StreamIds.Bulk(group.Pending.Keys.Last()), CacheReply.Array(consumers)]);
    }

    private static CacheReply Range(CacheKeyspace ks, StreamGroup group, StreamEntryId start, StreamEntryId end, long count, long minIdle, byte[]? consumerName)
    {
        if (count == 0 || start > end) return CacheReply.EmptyArray;
        IEnumerable<StreamEntryId> ids;
        if (consumerName is null) ids = group.Pending.Keys.Where(id => id >= start && id <= end);
        else if (group.Consumers.TryGetValue(consumerName, out var consumer)) ids = consumer.Pending.GetViewBetween(start, end);
        else return CacheReply.EmptyArray;
        var replies = new List<CacheReply>();
        foreach (var id in ids)
        {
            if (replies.Count >= count) break;
            var pending = group.Pending[id];
            var idle = Math.Max(0, ks.Now - pending.DeliveredAt);
            if (idle < minIdle) continue;
            replies.Add(CacheReply.Array([StreamIds.Bulk(id), CacheReply.Bulk(pending.Consumer.Name), CacheReply.Int(idle), CacheReply.Int(pending.Deliveries)]));
        }
        return CacheReply.Array([.. replies]);
    }
}
