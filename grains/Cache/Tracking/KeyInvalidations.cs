using DataTier.Cache.PubSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataTier.Cache.Tracking;

/// <summary>
/// Server-assisted client-side caching's source: once a client of the cluster has turned CLIENT TRACKING on
/// (<see cref="Active"/>, which every silo learns), this silo's shards report every key they change, expire, evict or
/// flush. This silo's tracking table hears of a change while the shard makes it (under the shard's gate, before the
/// command's reply is released, as Redis queues an invalidation while it runs the command); the keys then go in order
/// to the tracking tables of the other silos.
/// </summary>
public sealed class KeyInvalidations(PubSubHub hub, IServiceProvider services, ILogger<KeyInvalidations> logger)
    : SiloFanout<KeyChange>(logger)
{
    private volatile bool _active;

    // The silo's tracking table (none without the RESP endpoint), resolved at first use rather than injected so that it
    // may depend on this class without a cycle in the service graph; a resolution that throws is tried again.
    private readonly Lazy<IKeyInvalidationListener?> _local =
        new(services.GetService<IKeyInvalidationListener>, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>Whether some client of the cluster tracks keys (then shards report their changes).</summary>
    public bool Active => _active;

    /// <summary>Turns reporting on here; the session that enables tracking also tells the other silos (<see cref="ISiloPubSubGrain.StartTracking"/>).</summary>
    public void Activate() => _active = true;

    /// <summary>One change made outside a batch of commands (an expiry, an eviction, an import, a flush).</summary>
    public void Modified(KeyChange change)
    {
        Local?.Invalidate([change]);
        Enqueue(change);
    }

    /// <summary>The keys a batch of commands changed on one shard, in order (a null key: a flush).</summary>
    public void Modified(List<KeyChange> changes)
    {
        Local?.Invalidate(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(changes));
        foreach (var change in changes) Enqueue(change);
    }

    /// <summary>Hands keys changed elsewhere to this silo's tracking table.</summary>
    public void DeliverLocal(KeyChange[] changes) => Local?.Invalidate(changes);

    private IKeyInvalidationListener? Local => _local.Value;

    protected override async Task DeliverAsync(List<KeyChange> batch)
    {
        var others = hub.OtherSilos();
        if (others.Count == 0) return;
        var changes = batch.ToArray();
        foreach (var silo in others)
        {
            try
            {
                await silo.Invalidate(changes);
            }
            catch (Exception ex) when (ex is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
                // a silo that is leaving has no tracking clients left to tell
            }
        }
    }
}
