using DataTier.Cache.Keyspace;

namespace DataTier.Cache.PubSub;

/// <summary>
/// Pub/sub on this silo: which local connections subscribe to which channels and patterns. A publish
/// delivers here and asks every other active silo's <see cref="ISiloPubSubGrain"/> to deliver there,
/// and replies with the total number of receivers, as PUBLISH does. Shard channels (SSUBSCRIBE, SPUBLISH) are kept
/// apart: a shard message reaches only the subscribers of its shard channel, never pattern subscribers.
/// </summary>
public sealed class PubSubHub(IGrainFactory grains, IClusterMembershipService membership, ILocalSiloDetails silo)
{
    private readonly object _lock = new();
    private readonly Dictionary<byte[], HashSet<IPubSubSubscriber>> _channels = new(ByteArrayComparer.Instance);
    private readonly Dictionary<byte[], HashSet<IPubSubSubscriber>> _patterns = new(ByteArrayComparer.Instance);
    private readonly Dictionary<byte[], HashSet<IPubSubSubscriber>> _shardChannels = new(ByteArrayComparer.Instance);

    public void Subscribe(IPubSubSubscriber subscriber, byte[] name, SubscriptionKind kind) => Add(MapOf(kind), name, subscriber);

    public void Unsubscribe(IPubSubSubscriber subscriber, byte[] name, SubscriptionKind kind) => Remove(MapOf(kind), name, subscriber);

    private Dictionary<byte[], HashSet<IPubSubSubscriber>> MapOf(SubscriptionKind kind) =>
        kind switch { SubscriptionKind.Pattern => _patterns, SubscriptionKind.ShardChannel => _shardChannels, _ => _channels };

    /// <summary>Channels with at least one subscriber on this silo, optionally matching a pattern.</summary>
    public List<byte[]> LocalChannels(byte[]? pattern, bool sharded = false)
    {
        lock (_lock) return (sharded ? _shardChannels : _channels).Keys.Where(c => pattern is null || GlobPattern.IsMatch(pattern, c)).ToList();
    }

    public int LocalSubscriberCount(byte[] channel, bool sharded = false)
    {
        lock (_lock) return (sharded ? _shardChannels : _channels).TryGetValue(channel, out var set) ? set.Count : 0;
    }

    public int LocalPatternCount()
    {
        lock (_lock) return _patterns.Count;
    }

    public async Task<long> PublishAsync(byte[] channel, byte[] message, bool sharded = false)
    {
        long receivers = sharded ? DeliverSharded(channel, message) : DeliverLocal(channel, message);
        var others = OtherSilos().Select(mailbox => sharded ? mailbox.DeliverSharded(channel, message) : mailbox.Deliver(channel, message)).ToArray();
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

    /// <summary>Publishes messages in order to the subscribers of every silo, one call per other silo; what a silo that is leaving misses is lost.</summary>
    public async Task PublishManyAsync(List<(byte[] Channel, byte[] Message)> messages)
    {
        foreach (var (channel, message) in messages) DeliverLocal(channel, message);
        var others = OtherSilos();
        if (others.Count == 0) return;
        var channels = messages.Select(m => m.Channel).ToArray();
        var bodies = messages.Select(m => m.Message).ToArray();
        foreach (var mailbox in others)
        {
            try
            {
                await mailbox.DeliverMany(channels, bodies);
            }
            catch (Exception ex) when (ex is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
            }
        }
    }

    /// <summary>The mailboxes of the other active silos.</summary>
    public List<ISiloPubSubGrain> OtherSilos() => membership.CurrentSnapshot.Members.Values
        .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(silo.SiloAddress))
        .Select(m => grains.GetGrain<ISiloPubSubGrain>(m.SiloAddress.ToParsableString()))
        .ToList();

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

    /// <summary>Delivers a shard message to this silo's subscribers of its shard channel; returns how many received it.</summary>
    public int DeliverSharded(byte[] channel, byte[] message)
    {
        List<IPubSubSubscriber>? subscribers = null;
        lock (_lock)
            if (_shardChannels.TryGetValue(channel, out var set)) subscribers = [.. set];
        foreach (var s in subscribers ?? []) s.OnShardMessage(channel, message);
        return subscribers?.Count ?? 0;
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
