using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;
using DataTier.Cache.PubSub;

namespace DataTier.Silo.Resp;

/// <summary>
/// Pub/sub: SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, the shard channels' SSUBSCRIBE, SUNSUBSCRIBE and
/// SPUBLISH, and PUBSUB; a publish goes through the hub to every silo. As in Redis, SUBSCRIBE's and PSUBSCRIBE's
/// replies count the connection's channels and patterns, SSUBSCRIBE's its shard channels.
/// </summary>
public sealed partial class RespSession
{
    private readonly HashSet<byte[]> _channels = new(ByteArrayComparer.Instance);
    private readonly HashSet<byte[]> _patterns = new(ByteArrayComparer.Instance);
    private readonly HashSet<byte[]> _shardChannels = new(ByteArrayComparer.Instance);

    private int SubscriptionCount
    {
        get
        {
            lock (_channels) return _channels.Count + _patterns.Count;
        }
    }

    private int ShardSubscriptionCount
    {
        get
        {
            lock (_channels) return _shardChannels.Count;
        }
    }

    /// <summary>Whether a RESP2 connection may only subscribe, unsubscribe, PING, QUIT or RESET.</summary>
    private bool IsSubscribedTo(byte[] channel)
    {
        lock (_channels) return _channels.Contains(channel);
    }

    private bool InSubscribedContext => SubscriptionCount + ShardSubscriptionCount > 0;

    private HashSet<byte[]> SubscriptionsOf(SubscriptionKind kind) =>
        kind switch { SubscriptionKind.Pattern => _patterns, SubscriptionKind.ShardChannel => _shardChannels, _ => _channels };

    private int CountOf(SubscriptionKind kind) => kind == SubscriptionKind.ShardChannel ? ShardSubscriptionCount : SubscriptionCount;

    private PushSequence Subscribe(byte[][] a, SubscriptionKind kind)
    {
        var result = new PushSequence();
        var reply = CacheReply.Bulk(kind switch { SubscriptionKind.Pattern => "psubscribe", SubscriptionKind.ShardChannel => "ssubscribe", _ => "subscribe" });
        for (var i = 1; i < a.Length; i++)
        {
            bool added;
            lock (_channels) added = SubscriptionsOf(kind).Add(a[i]);
            if (added) _services.Hub.Subscribe(this, a[i], kind);
            result.Messages.Add([reply, CacheReply.Bulk(a[i]), CacheReply.Int(CountOf(kind))]);
        }
        return result;
    }

    private PushSequence Unsubscribe(byte[][] a, SubscriptionKind kind)
    {
        var result = new PushSequence();
        var reply = CacheReply.Bulk(kind switch { SubscriptionKind.Pattern => "punsubscribe", SubscriptionKind.ShardChannel => "sunsubscribe", _ => "unsubscribe" });
        List<byte[]> names;
        lock (_channels) names = a.Length > 1 ? a.Skip(1).ToList() : [.. SubscriptionsOf(kind)];
        if (names.Count == 0)
        {
            result.Messages.Add([reply, CacheReply.Nil, CacheReply.Int(CountOf(kind))]);
            return result;
        }
        foreach (var name in names)
        {
            bool removed;
            lock (_channels) removed = SubscriptionsOf(kind).Remove(name);
            if (removed) _services.Hub.Unsubscribe(this, name, kind);
            result.Messages.Add([reply, CacheReply.Bulk(name), CacheReply.Int(CountOf(kind))]);
        }
        return result;
    }

    /// <summary>SSUBSCRIBE: in cluster mode its channels must share a slot, as a Redis Cluster node requires.</summary>
    private object ShardSubscribe(byte[][] a)
    {
        if (_services.Endpoint.ClusterMode && a.Skip(2).Any(c => SlotHash.SlotOf(c) != SlotHash.SlotOf(a[1]))) return CrossSlot;
        return Subscribe(a, SubscriptionKind.ShardChannel);
    }

    private void LeaveAllSubscriptions()
    {
        foreach (var kind in Enum.GetValues<SubscriptionKind>())
        {
            List<byte[]> names;
            lock (_channels)
            {
                names = [.. SubscriptionsOf(kind)];
                SubscriptionsOf(kind).Clear();
            }
            foreach (var name in names) _services.Hub.Unsubscribe(this, name, kind);
        }
    }

    /// <summary>PUBSUB CHANNELS, NUMSUB, NUMPAT, SHARDCHANNELS and SHARDNUMSUB, over this silo's connections.</summary>
    private CacheReply PubSubIntrospection(byte[][] a)
    {
        var sub = Arg.Lower(a[1]);
        switch (sub)
        {
            case "channels" or "shardchannels" when a.Length <= 3:
                return CacheReply.Array(_services.Hub.LocalChannels(a.Length == 3 ? a[2] : null, sharded: sub == "shardchannels").Select(CacheReply.Bulk).ToArray());
            case "numsub" or "shardnumsub":
                var items = new List<CacheReply>();
                foreach (var channel in a.Skip(2))
                {
                    items.Add(CacheReply.Bulk(channel));
                    items.Add(CacheReply.Int(_services.Hub.LocalSubscriberCount(channel, sharded: sub == "shardnumsub")));
                }
                return CacheReply.Map([.. items]);
            case "numpat" when a.Length == 2:
                return CacheReply.Int(_services.Hub.LocalPatternCount());
            case "channels" or "numpat":
                return CacheErrors.WrongArity("pubsub|" + sub);
            case "shardchannels":
                return CacheReply.Error($"ERR unknown subcommand or wrong number of arguments for '{Arg.Text(a[1])}'. Try PUBSUB HELP.");
            default:
                return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try PUBSUB HELP.");
        }
    }

    public void OnMessage(byte[] channel, byte[] message) =>
        Push([CacheReply.Bulk("message"), CacheReply.Bulk(channel), CacheReply.Bulk(message)]);

    public void OnPatternMessage(byte[] pattern, byte[] channel, byte[] message) =>
        Push([CacheReply.Bulk("pmessage"), CacheReply.Bulk(pattern), CacheReply.Bulk(channel), CacheReply.Bulk(message)]);

    public void OnShardMessage(byte[] channel, byte[] message) =>
        Push([CacheReply.Bulk("smessage"), CacheReply.Bulk(channel), CacheReply.Bulk(message)]);
}
