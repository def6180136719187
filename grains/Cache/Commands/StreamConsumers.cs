using DataTier.Cache.Keyspace;
using DataTier.Cache.Streams;

namespace DataTier.Cache.Commands;

/// <summary>The consumer a read or a claim acts for.</summary>
public static class StreamConsumers
{
    /// <summary>
    /// The group's consumer <paramref name="name"/>, created if new (with its event), and seen now. Redis 7.0 does this only
    /// once a read or claim has something for the consumer, so callers call it then.
    /// </summary>
    public static StreamConsumer Seen(CacheKeyspace ks, byte[] key, StreamGroup group, byte[] name)
    {
        var consumer = group.Consumer(name, ks.Now, out var created);
        if (created) ks.StreamEvent("xgroup-createconsumer", key);
        consumer.SeenAt = ks.Now;
        return consumer;
    }
}
