using DataTier.Cache.Tracking;

namespace DataTier.Cache.Keyspace;

/// <summary>
/// The keys this shard changes, for CLIENT TRACKING: while a batch of commands runs under the gate they are collected
/// and handed on in one piece before the gate is released (broadcast clients hear of them in one message); any other
/// change (an expiry sweep, an eviction, an import) is handed on as it is made. Each carries the command that made it
/// (<see cref="KeyChange"/>).
/// </summary>
public sealed partial class CacheKeyspace
{
    private List<KeyChange>? _invalidations;
    private bool _collectingInvalidations;

    /// <summary>Starts collecting the keys the batch about to run changes (only while some client tracks keys); the caller holds the gate.</summary>
    public void CollectInvalidations() => _collectingInvalidations = Tracking is { Active: true };

    /// <summary>Hands on the keys collected since <see cref="CollectInvalidations"/>; the caller still holds the gate.</summary>
    public void DeliverInvalidations()
    {
        if (!_collectingInvalidations) return;
        _collectingInvalidations = false;
        if (_invalidations is not { Count: > 0 } changes) return;
        try
        {
            Tracking?.Modified(changes);
        }
        finally
        {
            changes.Clear();
        }
    }

    /// <summary>The key changed (null: the shard was flushed), by the connection <paramref name="origin"/> (then by its command <see cref="Serial"/>).</summary>
    private void Invalidate(byte[]? key, string? origin)
    {
        var change = new KeyChange(key, origin, origin is null ? 0 : Serial);
        if (_collectingInvalidations) (_invalidations ??= []).Add(change);
        else Tracking?.Modified(change);
    }
}
