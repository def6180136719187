using DataTier.Cache.Notifications;

namespace DataTier.Cache.Keyspace;

/// <summary>Keyspace notifications raised by the commands as they change keys, in Redis' order and with its event names.</summary>
public sealed partial class CacheKeyspace
{
    /// <summary>Where this shard's notifications go; null for a replica's copy, which raises none.</summary>
    public KeyspaceNotifier? Events { get; set; }

    /// <summary>The silo's command statistics, slow log and latency monitor, where the commands run on this shard are timed.</summary>
    public Diagnostics.CommandTimings? Timings { get; set; }

    /// <summary>Where changed keys go for CLIENT TRACKING; null for a replica's copy.</summary>
    public Tracking.KeyInvalidations? Tracking { get; set; }

    /// <summary>Raises the event on the key when its class is on (a field test when notifications are off).</summary>
    public void Notify(KeyspaceEventTypes type, string name, byte[] key)
    {
        if (Events is { } events && events.Wants(type)) events.Raise(name, key);
    }

    /// <summary>
    /// A STORE form's result (SUNIONSTORE, ZRANGESTORE, SORT ... STORE, BITOP, GEOSEARCHSTORE, ...): the value put at the
    /// key, replacing whatever was there and its expiry, and the command's event raised; for no value, the key deleted
    /// (with del when it existed), as Redis stores an empty result.
    /// </summary>
    public CacheEntry? StoreResult(byte[] key, object? value, KeyspaceEventTypes type, string @event)
    {
        if (value is null)
        {
            if (Remove(key)) GenericEvent("del", key);
            return null;
        }
        var entry = PutValue(key, value, 0);
        Notify(type, @event, key);
        return entry;
    }

    public void GenericEvent(string name, byte[] key) => Notify(KeyspaceEventTypes.Generic, name, key);

    public void StringEvent(string name, byte[] key) => Notify(KeyspaceEventTypes.String, name, key);

    public void ListEvent(string name, byte[] key) => Notify(KeyspaceEventTypes.List, name, key);

    public void SetEvent(string name, byte[] key) => Notify(KeyspaceEventTypes.Set, name, key);

    public void HashEvent(string name, byte[] key) => Notify(KeyspaceEventTypes.Hash, name, key);

    public void StreamEvent(string name, byte[] key) => Notify(KeyspaceEventTypes.Stream, name, key);
}
