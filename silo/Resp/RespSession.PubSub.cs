using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;

namespace DataTier.Silo.Resp;

/// <summary>Pub/sub: SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, PUBSUB; PUBLISH goes through the hub to every silo.</summary>
public sealed partial class RespSession
{
    private readonly HashSet<byte[]> _channels = new(ByteArrayComparer.Instance);
    private readonly HashSet<byte[]> _patterns = new(ByteArrayComparer.Instance);

    private int SubscriptionCount
    {
        get
        {
            lock (_channels) return _channels.Count + _patterns.Count;
        }
    }

    private PushSequence Subscribe(byte[][] a, bool pattern)
    {
        var result = new PushSequence();
        var kind = CacheReply.Bulk(pattern ? "psubscribe" : "subscribe");
        for (var i = 1; i < a.Length; i++)
        {
            bool added;
            lock (_channels) added = (pattern ? _patterns : _channels).Add(a[i]);
            if (added)
            {
                if (pattern) _services.Hub.PSubscribe(this, a[i]);
                else _services.Hub.Subscribe(this, a[i]);
            }
            result.Messages.Add([kind, CacheReply.Bulk(a[i]), CacheReply.Int(SubscriptionCount)]);
        }
        return result;
    }

    private PushSequence Unsubscribe(byte[][] a, bool pattern)
    {
        var result = new PushSequence();
        var kind = CacheReply.Bulk(pattern ? "punsubscribe" : "unsubscribe");
        List<byte[]> names;
        lock (_channels) names = a.Length > 1 ? a.Skip(1).ToList() : [.. pattern ? _patterns : _channels];
        if (names.Count == 0)
        {
            result.Messages.Add([kind, CacheReply.Nil, CacheReply.Int(SubscriptionCount)]);
            return result;
        }
        foreach (var name in names)
        {
            bool removed;
            lock (_channels) removed = (pattern ? _patterns : _channels).Remove(name);
            if (removed)
            {
                if (pattern) _services.Hub.PUnsubscribe(this, name);
                else _services.Hub.Unsubscribe(this, name);
            }
            result.Messages.Add([kind, CacheReply.Bulk(name), CacheReply.Int(SubscriptionCount)]);
        }
        return result;
    }

    private void LeaveAllSubscriptions()
    {
        List<byte[]> channels, patterns;
        lock (_channels)
        {
            channels = [.. _channels];
            patterns = [.. _patterns];
            _channels.Clear();
            _patterns.Clear();
        }
        foreach (var c in channels) _services.Hub.Unsubscribe(this, c);
        foreach (var p in patterns) _services.Hub.PUnsubscribe(this, p);
    }

    /// <summary>PUBSUB CHANNELS, NUMSUB and NUMPAT, over this silo's connections.</summary>
    private CacheReply PubSubIntrospection(byte[][] a)
    {
        var sub = Arg.Lower(a[1]);
        switch (sub)
        {
            case "channels" when a.Length <= 3:
                return CacheReply.Array(_services.Hub.LocalChannels(a.Length == 3 ? a[2] : null).Select(CacheReply.Bulk).ToArray());
            case "numsub":
                var items = new List<CacheReply>();
                foreach (var channel in a.Skip(2))
                {
                    items.Add(CacheReply.Bulk(channel));
                    items.Add(CacheReply.Int(_services.Hub.LocalSubscriberCount(channel)));
                }
                return CacheReply.Map([.. items]);
            case "numpat" when a.Length == 2:
                return CacheReply.Int(_services.Hub.LocalPatternCount());
            case "channels" or "numpat":
                return CacheErrors.WrongArity("pubsub|" + sub);
            default:
                return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try PUBSUB HELP.");
        }
    }

    public void OnMessage(byte[] channel, byte[] message) =>
        Push([CacheReply.Bulk("message"), CacheReply.Bulk(channel), CacheReply.Bulk(message)]);

    public void OnPatternMessage(byte[] pattern, byte[] channel, byte[] message) =>
        Push([CacheReply.Bulk("pmessage"), CacheReply.Bulk(pattern), CacheReply.Bulk(channel), CacheReply.Bulk(message)]);
}
