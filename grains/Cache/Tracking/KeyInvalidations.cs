using System.Threading.Channels;
using DataTier.Cache.PubSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataTier.Cache.Tracking;

/// <summary>
/// Server-assisted client-side caching's source: once a client of the cluster has turned CLIENT TRACKING on
/// (<see cref="Active"/>, which every silo learns), this silo's shards report every key they change, expire, evict or
/// flush, and one sender hands the keys in order to the tracking tables of every silo, which tell the clients that read
/// them (or watch their prefix).
/// </summary>
public sealed partial class KeyInvalidations(PubSubHub hub, IServiceProvider services, ILogger<KeyInvalidations> logger) : BackgroundService
{
    private const int MaxBatch = 1024;
    private readonly Channel<byte[]?> _keys = Channel.CreateUnbounded<byte[]?>(new UnboundedChannelOptions { SingleReader = true });
    private volatile bool _active;

    /// <summary>Whether some client of the cluster tracks keys (then shards report their changes).</summary>
    public bool Active => _active;

    /// <summary>Turns reporting on here; the session that enables tracking also tells the other silos (<see cref="ISiloPubSubGrain.StartTracking"/>).</summary>
    public void Activate() => _active = true;

    public void Modified(byte[] key) => _keys.Writer.TryWrite(key);

    public void Flushed() => _keys.Writer.TryWrite(null);

    /// <summary>Hands keys changed elsewhere to this silo's tracking table.</summary>
    public void DeliverLocal(byte[]?[] keys) => services.GetService<IKeyInvalidationListener>()?.Invalidate(keys);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _keys.Reader;
        var batch = new List<byte[]?>();
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var key)) batch.Add(key);
            var keys = batch.ToArray();
            batch.Clear();
            try
            {
                DeliverLocal(keys);
                foreach (var silo in hub.OtherSilos()) await silo.Invalidate(keys);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDeliveryFailed(logger, ex, keys.Length);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client tracking: {Count} invalidated keys could not be delivered")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, int count);
}
