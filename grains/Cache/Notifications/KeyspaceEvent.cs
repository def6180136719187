namespace DataTier.Cache.Notifications;

/// <summary>
/// One keyspace notification: its event name (set, lpush, expired, ...), the key it is about, and the channels it goes
/// to (K, E or both), as they were when it was raised.
/// </summary>
public readonly record struct KeyspaceEvent(string Name, byte[] Key, KeyspaceEventTypes Channels);
