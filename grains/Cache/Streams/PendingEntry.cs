namespace DataTier.Cache.Streams;

/// <summary>An entry delivered to a group's consumer and not yet acknowledged.</summary>
public sealed class PendingEntry(StreamConsumer consumer, long deliveredAt, long deliveries)
{
    public StreamConsumer Consumer { get; set; } = consumer;

    /// <summary>Unix ms of the last delivery.</summary>
    public long DeliveredAt { get; set; } = deliveredAt;

    public long Deliveries { get; set; } = deliveries;
}
