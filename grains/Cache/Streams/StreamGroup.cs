namespace DataTier.Cache.Streams;

/// <summary>A consumer group: the last ID delivered to it, how many entries it has read, its pending entries and its consumers (by name, in byte order as Redis lists them).</summary>
public sealed class StreamGroup(byte[] name, StreamEntryId lastDelivered, long entriesRead)
{
    /// <summary>The value of <see cref="EntriesRead"/> when it is not known (Redis' "invalid" counter).</summary>
    public const long Unknown = -1;

    public byte[] Name { get; } = name;

    public StreamEntryId LastDelivered { get; set; } = lastDelivered;

    public long EntriesRead { get; set; } = entriesRead;

    public SortedDictionary<StreamEntryId, PendingEntry> Pending { get; } = [];

    public SortedDictionary<byte[], StreamConsumer> Consumers { get; } = new(ByteOrder.Instance);

    /// <summary>The consumer by name, created (seen now) when absent.</summary>
    public StreamConsumer Consumer(byte[] name, long now, out bool created)
    {
        created = !Consumers.TryGetValue(name, out var consumer);
        if (created) Consumers[name] = consumer = new StreamConsumer(name, now);
        return consumer!;
    }

    /// <summary>A new delivery of <paramref name="id"/> to <paramref name="consumer"/>: a new pending entry, or the existing one (after XGROUP SETID) moved to it and counted anew.</summary>
    public void Deliver(StreamEntryId id, StreamConsumer consumer, long now)
    {
        if (Pending.TryGetValue(id, out var pending))
        {
            pending.Consumer.Pending.Remove(id);
            pending.Consumer = consumer;
            pending.DeliveredAt = now;
            pending.Deliveries = 1;
        }
        else
        {
            Pending[id] = new PendingEntry(consumer, now, 1);
        }
        consumer.Pending.Add(id);
    }

    public bool Acknowledge(StreamEntryId id)
    {
        if (!Pending.Remove(id, out var pending)) return false;
        pending.Consumer.Pending.Remove(id);
        return true;
    }
}
