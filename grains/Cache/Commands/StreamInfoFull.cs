using DataTier.Cache.Streams;

namespace DataTier.Cache.Commands;

/// <summary>XINFO STREAM key FULL [COUNT count]: the stream with its first entries, and every group with its pending entries and consumers.</summary>
public static class StreamInfoFull
{
    /// <param name="count">How many entries, and pending entries per group and per consumer, to list.</param>
    public static CacheReply Full(StreamValue stream, long count) => CacheReply.Map(
    [
        .. StreamInfo.Header(stream),
        CacheReply.Bulk("entries"), CacheReply.Array(stream.Entries.Take(Limit(count)).Select(StreamIds.Entry).ToArray()),
        CacheReply.Bulk("groups"), CacheReply.Array(stream.Groups.Values.Select(g => Group(stream, g, count)).ToArray()),
    ]);

    private static int Limit(long count) => (int)Math.Min(count, int.MaxValue);

    private static CacheReply Group(StreamValue stream, StreamGroup group, long count) => CacheReply.Map(
    [
        CacheReply.Bulk("name"), CacheReply.Bulk(group.Name),
        CacheReply.Bulk("last-delivered-id"), StreamIds.Bulk(group.LastDelivered),
        CacheReply.Bulk("entries-read"), group.EntriesRead == StreamGroup.Unknown ? CacheReply.Nil : CacheReply.Int(group.EntriesRead),
        CacheReply.Bulk("lag"), StreamLag.Lag(stream, group) is { } lag ? CacheReply.Int(lag) : CacheReply.Nil,
        CacheReply.Bulk("pel-count"), CacheReply.Int(group.Pending.Count),
        CacheReply.Bulk("pending"), CacheReply.Array(group.Pending.Take(Limit(count)).Select(p => CacheReply.Array(
        [
            StreamIds.Bulk(p.Key), CacheReply.Bulk(p.Value.Consumer.Name), CacheReply.Int(p.Value.DeliveredAt), CacheReply.Int(p.Value.Deliveries),
        ])).ToArray()),
        CacheReply.Bulk("consumers"), CacheReply.Array(group.Consumers.Values.Select(c => Consumer(group, c, count)).ToArray()),
    ]);

    private static CacheReply Consumer(StreamGroup group, StreamConsumer consumer, long count) => CacheReply.Map(
    [
        CacheReply.Bulk("name"), CacheReply.Bulk(consumer.Name),
        CacheReply.Bulk("seen-time"), CacheReply.Int(consumer.SeenAt),
        CacheReply.Bulk("pel-count"), CacheReply.Int(consumer.Pending.Count),
        CacheReply.Bulk("pending"), CacheReply.Array(consumer.Pending.Take(Limit(count)).Select(id => CacheReply.Array(
        [
            StreamIds.Bulk(id), CacheReply.Int(group.Pending[id].DeliveredAt), CacheReply.Int(group.Pending[id].Deliveries),
        ])).ToArray()),
    ]);
}
