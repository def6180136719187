using System.Text;
using DataTier.Cache.PubSub;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Cache.Notifications;

/// <summary>
/// Redis' keyspace notifications on this silo: its shards raise events as they change keys (under their gates, so in
/// the order of the changes), and they are published in that order on <c>__keyspace@0__:key</c> and
/// <c>__keyevent@0__:event</c> to the subscribers of every silo, in batches. The classes raised are
/// notify-keyspace-events, set for the cluster at start (<see cref="CacheOptions.NotifyKeyspaceEvents"/>) and by
/// CONFIG SET on any silo (which tells every silo).
/// </summary>
public sealed class KeyspaceNotifier(PubSubHub hub, IOptions<CacheOptions> options, ILogger<KeyspaceNotifier> logger)
    : SiloFanout<KeyspaceEvent>(logger)
{
    private static readonly byte[] KeyspacePrefix = "__keyspace@0__:"u8.ToArray();
    private static readonly byte[] KeyeventPrefix = "__keyevent@0__:"u8.ToArray();
    private volatile int _flags = (int)(KeyspaceEventFlags.Parse(options.Value.NotifyKeyspaceEvents) ?? KeyspaceEventTypes.None);

    public KeyspaceEventTypes Flags
    {
        get => (KeyspaceEventTypes)_flags;
        set => _flags = (int)value;
    }

    /// <summary>Whether events of the class are published (the class is on, and so is K or E).</summary>
    public bool Wants(KeyspaceEventTypes type)
    {
        var flags = (KeyspaceEventTypes)_flags;
        return (flags & type) != 0 && (flags & (KeyspaceEventTypes.Keyspace | KeyspaceEventTypes.Keyevent)) != 0;
    }

    /// <summary>Queues the event with the channels (K, E) on now, so a later CONFIG SET does not drop what was raised before it.</summary>
    public void Raise(string name, byte[] key) =>
        Enqueue(new KeyspaceEvent(name, key, Flags & (KeyspaceEventTypes.Keyspace | KeyspaceEventTypes.Keyevent)));

    protected override Task DeliverAsync(List<KeyspaceEvent> batch)
    {
        var messages = new List<(byte[] Channel, byte[] Message)>(batch.Count * 2);
        foreach (var e in batch)
        {
            var name = Encoding.ASCII.GetBytes(e.Name);
            if (e.Channels.HasFlag(KeyspaceEventTypes.Keyspace)) messages.Add(([.. KeyspacePrefix, .. e.Key], name));
            if (e.Channels.HasFlag(KeyspaceEventTypes.Keyevent)) messages.Add(([.. KeyeventPrefix, .. name], e.Key));
        }
        return messages.Count == 0 ? Task.CompletedTask : hub.PublishManyAsync(messages);
    }
}
