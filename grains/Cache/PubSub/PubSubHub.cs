using DataTier.Cache.Keyspace;

namespace DataTier.Cache.PubSub;

/// <summary>
/// Pub/sub on this silo: which local connections subscribe to which channels and patterns. A publish
/// delivers here and asks every other active silo's <see cref="ISiloPubSubGrain"/> to deliver there,
/// and replies with the total number of receivers, as PUBLISH does.
/// </summary>
public sealed class PubSubHub(IGrainFactory grains, IClusterMembershipService membership, ILocalSiloDetails silo)
{
    private readonly object _lock = new();
    private readonly Dictionary<byte[], HashSet<IPubSubSubscriber>> _channels = new(ByteArrayComparer.Instance);
    private readonly Dictionary<byte[], HashSet<IPubSubSubscriber>> _patterns = new(ByteArrayComparer.Instance);

    public void Subscribe(IPubSubSubscriber subscriber, byte[] channel) => Add(_channels, channel, subscriber);

    public void Unsubscribe(IPubSubSubscriber subscriber, byte[] channel) => Remove(_channels, channel, subscriber);

    public void PSubscribe(IPubSubSubscriber subscriber, byte[] pattern) => Add(_patterns, pattern, subscriber);

    public void PUnsubscribe(IPubSubSubscriber subscriber, byte[] pattern) => Remove(_patterns, pattern, subscriber);

    /// <summary>Channels with at least one subscriber on this silo, optionally matching a pattern.</summary>
    public List<byte[]> LocalChannels(byte[]? pattern)
    {
        lock (_lock) return _channels.Keys.Where(c => pattern is null || GlobPattern.IsMatch(pattern, c)).ToList();
    }

    public int LocalSubscriberCount(byte[] channel)
    {
        lock (_lock) return _channels.TryGetValue(channel, out var set) ? set.Count : 0;
    }

    public int LocalPatternCount()
    {
        lock (_lock) return _patterns.Count;
    }

    public async Task<long> PublishAsync(byte[] channel, byte[] message)
    {
        long receivers = DeliverLocal(channel, message);
        var others = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(silo.SiloAddress))
            .Select(m => grains.GetGrain<ISiloPubSubGrain>(m.SiloAddress.ToParsableString()).Deliver(channel, message))
            .ToArray();
        if (others.Length == 0) return receivers;
        foreach (var task in others)
        {
            try
            {
                receivers += await task;
            }
            catch (Exception ex) when (ex is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
                // a silo that is going away has no subscribers left to count
            }
        }
        return receivers;
    }

    public int DeliverLocal(byte[] channel, byte[] message)
    {
        List<IPubSubSubscriber>? direct = null;
        List<(byte[] Pattern, IPubSubSubscriber Subscriber)>? matched = null;
        lock (_lock)
        {
            if (_channels.TryGetValue(channel, out var set)) direct = [.. set];
            foreach (var (pattern, subscribers) in _patterns)
            {
                if (!GlobPattern.IsMatch(pattern, channel)) continue;
                matched ??= [];
                foreach (var s in subscribers) matched.Add((pattern, s));
            }
        }
        var count = 0;
        if (direct is not null)
            foreach (var s in direct)
            {
                s.OnMessage(channel, message);
                count++;
            }
        if (matched is not null)
            foreach (var (pattern, s) in matched)
            {
                s.OnPatternMessage(pattern, channel, message);
                count++;
            }
        return count;
    }

    private void Add(Dictionary<byte[], HashSet<IPubSubSubscriber>> map, byte[] name, IPubSubSubscriber subscriber)
    {
        lock (_lock)
        {
            if (!map.TryGetValue(name, out var set)) map[name] = set = [];
            set.Add(subscriber);
        }
    }

    private void Remove(Dictionary<byte[], HashSet<IPubSubSubscriber>> map, byte[] name, IPubSubSubscriber subscriber)
    {
        lock (_lock)
        {
            if (!map.TryGetValue(name, out var set)) return;
            set.Remove(subscriber);
            if (set.Count == 0) map.Remove(name);
        }
    }
}
