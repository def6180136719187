using System.Text;
using System.Threading.Channels;
using DataTier.Cache.PubSub;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Cache.Notifications;

/// <summary>
/// Redis' keyspace notifications on this silo: its shards raise events as they change keys (under their gates, so in
/// the order of the changes), and one pump publishes them in that order on <c>__keyspace@0__:key</c> and
/// <c>__keyevent@0__:event</c> to the subscribers of every silo, in batches. The classes raised are
/// notify-keyspace-events, set for the cluster at start (<see cref="CacheOptions.NotifyKeyspaceEvents"/>) and by
/// CONFIG SET on any silo (which tells every silo).
/// </summary>
public sealed partial class KeyspaceNotifier(PubSubHub hub, IOptions<CacheOptions> options, ILogger<KeyspaceNotifier> logger) : BackgroundService
{
    private const int MaxBatch = 1024;
    private static readonly byte[] KeyspacePrefix = "__keyspace@0__:"u8.ToArray();
    private static readonly byte[] KeyeventPrefix = "__keyevent@0__:"u8.ToArray();
    private readonly Channel<KeyspaceEvent> _events = Channel.CreateUnbounded<KeyspaceEvent>(new UnboundedChannelOptions { SingleReader = true });
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

    public void Raise(string name, byte[] key) =>
        _events.Writer.TryWrite(new KeyspaceEvent(name, key, Flags & (KeyspaceEventTypes.Keyspace | KeyspaceEventTypes.Keyevent)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _events.Reader;
        var batch = new List<(byte[] Channel, byte[] Message)>();
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var e))
            {
                var name = Encoding.ASCII.GetBytes(e.Name);
                if (e.Channels.HasFlag(KeyspaceEventTypes.Keyspace)) batch.Add(([.. KeyspacePrefix, .. e.Key], name));
                if (e.Channels.HasFlag(KeyspaceEventTypes.Keyevent)) batch.Add(([.. KeyeventPrefix, .. name], e.Key));
            }
            if (batch.Count == 0) continue;
            try
            {
                await hub.PublishManyAsync(batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPublishFailed(logger, ex, batch.Count);
            }
            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keyspace notifications: {Count} messages could not be published")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count);
}
