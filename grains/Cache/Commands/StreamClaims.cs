using DataTier.Cache.Keyspace;
using DataTier.Cache.Streams;
using Lookup = DataTier.Cache.Commands.TypedLookup<DataTier.Cache.Streams.StreamValue>;

namespace DataTier.Cache.Commands;

/// <summary>XCLAIM and XAUTOCLAIM: pending entries idle long enough given to another consumer.</summary>
public static class StreamClaims
{
    /// <summary>XAUTOCLAIM's largest COUNT: Redis bounds it so that COUNT times a stream ID's 16 bytes cannot overflow.</summary>
    private const long MaxAutoClaimCount = long.MaxValue / 16;

    /// <summary>XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-ms] [RETRYCOUNT count] [FORCE] [JUSTID] [LASTID id].</summary>
    public static CacheReply Claim(CacheKeyspace ks, byte[][] a)
    {
        var stream = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        // As in Redis, the group is looked up before the arguments are read.
        if (stream is null || !stream.Groups.TryGetValue(a[2], out var group)) return StreamErrors.NoKeyOrGroup(a[1], a[2]);
        if (!CacheNumbers.TryParseLong(a[4], out var minIdle)) return CacheReply.Error("ERR Invalid min-idle-time argument for XCLAIM");
        var ids = new List<StreamEntryId>();
        var i = 5;
        for (; i < a.Length && StreamEntryId.TryParse(a[i], 0, special: false, out var id); i++) ids.Add(id);
        long deliveredAt = -1, retryCount = -1;
        bool force = false, justId = false;
        StreamEntryId? lastId = null;
        for (; i < a.Length; i++)
        {
            var more = i + 1 < a.Length;
            if (Arg.Is(a[i], "force")) force = true;
            else if (Arg.Is(a[i], "justid")) justId = true;
            else if (Arg.Is(a[i], "idle") && more)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out var idle)) return CacheReply.Error("ERR Invalid IDLE option argument for XCLAIM");
                deliveredAt = ks.Now - idle;
            }
            else if (Arg.Is(a[i], "time") && more)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out deliveredAt)) return CacheReply.Error("ERR Invalid TIME option argument for XCLAIM");
            }
            else if (Arg.Is(a[i], "retrycount") && more)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out retryCount)) return CacheReply.Error("ERR Invalid RETRYCOUNT option argument for XCLAIM");
            }
            else if (Arg.Is(a[i], "lastid") && more)
            {
                if (!StreamEntryId.TryParse(a[++i], 0, special: false, out var last)) return StreamErrors.InvalidId;
                lastId = last;
            }
            else
            {
                return CacheReply.Error($"ERR Unrecognized XCLAIM option '{Arg.Text(a[i])}'");
            }
        }
        if (deliveredAt < 0 || deliveredAt > ks.Now) deliveredAt = ks.Now;
        if (lastId is { } newLast && newLast > group.LastDelivered) group.LastDelivered = newLast;
        StreamConsumer? consumer = null;
        var replies = new List<CacheReply>();
        foreach (var id in ids)
        {
            var exists = stream.Find(id) is not null;
            // FORCE makes a pending entry (delivered once) for an entry no consumer has; the idle time does not apply to it.
            var forced = force && exists && !group.Pending.ContainsKey(id);
            PendingEntry? pending = null;
            if (!forced)
            {
                if (!group.Pending.TryGetValue(id, out pending)) continue;
                if (minIdle > 0 && ks.Now - pending.DeliveredAt < minIdle) continue;
                if (!exists)
                {
                    group.Acknowledge(id);
                    continue;
                }
            }
            consumer ??= StreamConsumers.Seen(ks, a[1], group, a[3]);
            if (pending is null)
            {
                pending = new PendingEntry(consumer, ks.Now, 1);
                group.Pending[id] = pending;
                consumer.Pending.Add(id);
            }
            Move(id, pending, consumer, deliveredAt, retryCount >= 0 ? retryCount : justId ? pending.Deliveries : pending.Deliveries + 1);
            replies.Add(justId ? StreamIds.Bulk(id) : StreamIds.Entry(stream.Find(id)!));
        }
        ks.Resize(entry!);
        return CacheReply.Array([.. replies]);
    }

    /// <summary>XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]: [next start, claimed, deleted IDs].</summary>
    public static CacheReply AutoClaim(CacheKeyspace ks, byte[][] a)
    {
        // As in Redis, the arguments are read before the key's type and group are checked.
        if (!CacheNumbers.TryParseLong(a[4], out var minIdle)) return CacheReply.Error("ERR Invalid min-idle-time argument for XAUTOCLAIM");
        if (minIdle < 0) minIdle = 0;
        if (StreamIds.ParseBound(a[5], start: true, out var start) is { } badStart) return badStart;
        long count = 100;
        var justId = false;
        for (var i = 6; i < a.Length; i++)
        {
            if (Arg.Is(a[i], "count") && i + 1 < a.Length)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out count) || count < 1 || count > MaxAutoClaimCount) return CacheReply.Error("ERR COUNT must be > 0");
            }
            else if (Arg.Is(a[i], "justid"))
            {
                justId = true;
            }
            else
            {
                return CacheErrors.Syntax;
            }
        }
        var stream = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (stream is null || !stream.Groups.TryGetValue(a[2], out var group)) return StreamErrors.NoKeyOrGroup(a[1], a[2]);
        StreamConsumer? consumer = null;
        var attempts = count * 10;
        var claimed = new List<CacheReply>();
        var deleted = new List<CacheReply>();
        var next = StreamEntryId.Zero;
        using var cursor = group.Pending.Where(p => p.Key >= start).ToList().GetEnumerator();
        var more = cursor.MoveNext();
        for (; more && attempts > 0 && count > 0; more = cursor.MoveNext(), attempts--)
        {
            var (id, pending) = cursor.Current;
            var found = stream.Find(id);
            if (found is null)
            {
                group.Acknowledge(id);
                deleted.Add(StreamIds.Bulk(id));
                continue;
            }
            if (ks.Now - pending.DeliveredAt < minIdle) continue;
            consumer ??= StreamConsumers.Seen(ks, a[1], group, a[3]);
            Move(id, pending, consumer, ks.Now, justId ? pending.Deliveries : pending.Deliveries + 1);
            claimed.Add(justId ? StreamIds.Bulk(id) : StreamIds.Entry(found));
            count--;
        }
        if (more) next = cursor.Current.Key;
        ks.Resize(entry!);
        return CacheReply.Array([StreamIds.Bulk(next), CacheReply.Array([.. claimed]), CacheReply.Array([.. deleted])]);
    }

    private static void Move(StreamEntryId id, PendingEntry pending, StreamConsumer consumer, long deliveredAt, long deliveries)
    {
        pending.Consumer.Pending.Remove(id);
        pending.Consumer = consumer;
        consumer.Pending.Add(id);
        pending.DeliveredAt = deliveredAt;
        pending.Deliveries = deliveries;
    }
}
