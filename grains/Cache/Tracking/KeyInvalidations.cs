using DataTier.Cache.PubSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataTier.Cache.Tracking;

/// <summary>
/// Server-assisted client-side caching's source: once a client of the cluster has turned CLIENT TRACKING on
/// (<see cref="Active"/>, which every silo learns), this silo's shards report every key they change, expire, evict or
/// flush, and the keys go in order to the tracking tables of every silo, which tell the clients that read them (or
/// watch their prefix).
/// </summary>
public sealed class KeyInvalidations(PubSubHub hub, IServiceProvider services, ILogger<KeyInvalidations> logger)
    : SiloFanout<(byte[]? Key, string? Origin)>(logger)
{
    private volatile bool _active;

    /// <summary>Whether some client of the cluster tracks keys (then shards report their changes).</summary>
    public bool Active => _active;

    /// <summary>Turns reporting on here; the session that enables tracking also tells the other silos (<see cref="ISiloPubSubGrain.StartTracking"/>).</summary>
    public void Activate() => _active = true;

    /// <summary>The key changed, by a command of the connection <paramref name="origin"/> (null: by none, as an expiry or eviction).</summary>
    public void Modified(byte[] key, string? origin = null) => Enqueue((key, origin));

    public void Flushed() => Enqueue((null, null));

    /// <summary>Hands keys changed elsewhere to this silo's tracking table.</summary>
    public void DeliverLocal(byte[]?[] keys, string?[] origins) => services.GetService<IKeyInvalidationListener>()?.Invalidate(keys, origins);

    protected override async Task DeliverAsync(List<(byte[]? Key, string? Origin)> batch)
    {
        var keys = batch.Select(b => b.Key).ToArray();
        var origins = batch.Select(b => b.Origin).ToArray();
        DeliverLocal(keys, origins);
        foreach (var silo in hub.OtherSilos())
        {
            try
            {
                await silo.Invalidate(keys, origins);
            }
            catch (Exception ex) when (ex is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
                // a silo that is leaving has no tracking clients left to tell
            }
        }
    }
}
