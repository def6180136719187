using DataTier.Cache.Keyspace;
using DataTier.Cache.Tracking;

namespace DataTier.Silo.Resp.Tracking;

/// <summary>
/// CLIENT TRACKING on this silo, as Redis' tracking table: the keys each tracking client has read (forgotten once
/// invalidated, until read again), and the clients in broadcast mode with their prefixes. Changed keys come from every
/// silo's shards (<see cref="KeyInvalidations"/>); each client hears of the keys it read, one message per key, or in
/// broadcast mode of every changed key under its prefixes, one message per batch; a flush tells every tracking client, once.
/// </summary>
public sealed class TrackingTable : IKeyInvalidationListener
{
    /// <summary>Redis' tracking-table-max-keys default: past it, keys are dropped from the table and their readers told, as if they had changed.</summary>
    public const int MaxKeys = 1_000_000;

    private readonly object _gate = new();
    private readonly Dictionary<byte[], HashSet<RespSession>> _readers = new(ByteArrayComparer.Instance);
    private readonly HashSet<RespSession> _tracking = [];
    private readonly RecentFlushes _flushes = new();

    /// <summary>How many clients track keys here, read without the lock so that changes cost nothing while none does.</summary>
    private int _clients;

    public bool HasClients => Volatile.Read(ref _clients) > 0;

    public void Start(RespSession session)
    {
        lock (_gate)
            if (_tracking.Add(session)) _clients++;
    }

    /// <summary>Forgets the client: its tracking is off, or it has gone.</summary>
    public void Stop(RespSession session)
    {
        lock (_gate)
        {
            if (!_tracking.Remove(session)) return;
            _clients--;
            foreach (var (key, readers) in _readers.Where(r => r.Value.Contains(session)).ToList())
            {
                readers.Remove(session);
                if (readers.Count == 0) _readers.Remove(key);
            }
        }
    }

    /// <summary>The client is about to read these keys: it hears of any change to them from now on.</summary>
    public void Remember(RespSession session, IEnumerable<byte[]> keys)
    {
        List<(RespSession Session, byte[][]? Keys)>? dropped = null;
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (!_readers.TryGetValue(key, out var readers)) _readers[key] = readers = [];
                readers.Add(session);
            }
            while (_readers.Count > MaxKeys)
            {
                var (key, readers) = _readers.First();
                _readers.Remove(key);
                dropped ??= [];
                foreach (var reader in readers) dropped.Add((reader, [key]));
            }
        }
        foreach (var (reader, invalidated) in dropped ?? []) reader.SendInvalidation(invalidated);
    }

    /// <summary>
    /// Tells the clients of the changed keys; a client tracking with NOLOOP is not told of the keys it changed itself,
    /// and a client that changed them itself is told after its command's reply (see <see cref="RespSession.SendInvalidation"/>).
    /// Called while the shard that changed them holds its gate, when it is on this silo.
    /// </summary>
    public void Invalidate(ReadOnlySpan<KeyChange> changes)
    {
        if (Volatile.Read(ref _clients) == 0) return;
        var messages = new List<Invalidation>();
        lock (_gate)
        {
            if (_tracking.Count == 0) return;
            Dictionary<RespSession, (List<byte[]> Keys, bool Own)>? broadcast = null;
            foreach (var change in changes)
            {
                if (change.Key is not { } key)
                {
                    Flushed(change, messages);
                    continue;
                }
                var origin = change.Origin;
                if (_readers.TryGetValue(key, out var readers))
                {
                    foreach (var reader in readers)
                        if (origin is null || reader.NoLoopOrigin != origin) messages.Add(new(reader, [key], origin, change.Serial, false));
                    readers.RemoveWhere(r => !r.KeepsTracking(key, change));
                    if (readers.Count == 0) _readers.Remove(key);
                }
                foreach (var session in _tracking)
                {
                    if (!session.TracksBroadcast || !session.TracksPrefixOf(key) || (origin is not null && session.NoLoopOrigin == origin)) continue;
                    broadcast ??= [];
                    if (!broadcast.TryGetValue(session, out var matched)) matched = ([], false);
                    matched.Keys.Add(key);
                    broadcast[session] = (matched.Keys, matched.Own || (origin is not null && session.TrackingOrigin == origin));
                }
            }
            foreach (var (session, matched) in broadcast ?? []) messages.Add(new(session, InvalidationMessage.BroadcastKeys(matched.Keys), matched.Own ? session.TrackingOrigin : null, 0, true));
        }
        foreach (var message in messages) message.Session.SendInvalidation(message.Keys, message.Origin, message.Serial, message.Broadcast);
    }

    /// <summary>A shard was flushed: every tracking client hears of the flush once, however many shards report it.</summary>
    private void Flushed(KeyChange flush, List<Invalidation> messages)
    {
        if (_flushes.Told(flush))
        {
            // Keys read since the flush emptied its first shard: a value read may come from a shard it empties only now.
            foreach (var (key, readers) in _readers)
                foreach (var reader in readers) messages.Add(new(reader, [key], null, 0, false));
        }
        else
        {
            foreach (var session in _tracking) messages.Add(new(session, null, flush.Origin, flush.Serial, false));
        }
        _readers.Clear();
    }

    private readonly record struct Invalidation(RespSession Session, byte[][]? Keys, string? Origin, long Serial, bool Broadcast);
}
