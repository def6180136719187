namespace DataTier.Cache.PubSub;

/// <summary>What a connection subscribes to: a channel (SUBSCRIBE), a pattern (PSUBSCRIBE) or a shard channel (SSUBSCRIBE).</summary>
public enum SubscriptionKind : byte
{
    Channel,
    Pattern,
    ShardChannel,
}
