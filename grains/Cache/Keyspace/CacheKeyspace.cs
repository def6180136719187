using DataTier.Cache.Memory;
using DataTier.Cache.Values;

namespace DataTier.Cache.Keyspace;

/// <summary>
/// The keys of one shard with their expiry and access data. Not thread-safe by itself: every use
/// holds <see cref="Gate"/> (the shard grain for a batch, the session's local fast path, the expiry
/// sweep and the evictor each take it, never two gates at once). Expired keys are removed lazily
/// when met and actively by <see cref="SweepExpired"/>, except while the silo's clients are paused (<see cref="Hold"/>).
/// </summary>
public sealed partial class CacheKeyspace(CacheMemoryBudget budget)
{
    /// <summary>Accounted bytes of one entry beyond its key and value (entry object, dictionary slot, list slots).</summary>
    public const int EntryOverhead = 96;

    /// <summary>Source of CAS uniques, shared by the silo's shards.</summary>
    private static long _casCounter;

    // A set of the entries themselves, keyed by their Key: a slot is 8 bytes smaller than a dictionary's.
    private readonly HashSet<CacheEntry> _map = new(EntryKeyComparer.Instance);
    private readonly List<CacheEntry> _all = [];
    private readonly List<CacheEntry> _volatile = [];

    public object Gate { get; } = new();

    /// <summary>Set once the shard has handed its keys over (migration) or gone; users must then go through the grain.</summary>
    public bool Closed { get; private set; }

    /// <summary>Unix milliseconds of the operation under way; set by whoever takes the gate.</summary>
    public long Now { get; set; }

    /// <summary>The connection whose command runs now (see <see cref="ShardCommand.Origin"/>), for the invalidations of the keys it changes.</summary>
    public string? Origin { get; set; }

    /// <summary>The serial number of the command that runs now among its connection's (see <see cref="ShardCommand.Serial"/>), set with <see cref="Origin"/>.</summary>
    public long Serial { get; set; }

    public int Count => _map.Count;

    public int VolatileCount => _volatile.Count;

    public long UsedBytes { get; private set; }

    public ShardCounters Counters { get; } = new();

    public CacheMemoryBudget Budget => budget;

    public IReadOnlyList<CacheEntry> Entries => _all;

    /// <summary>Set while this silo's clients are paused: expired keys stay in place (see <see cref="Find"/>); null for a replica's copy.</summary>
    public DatasetHold? Hold { get; set; }

    private bool Held => Hold is { Active: true };

    /// <summary>Collects the keys that change, for the shard's replicas; null when the shard has none.</summary>
    public Replication.ShardChangeFeed? Feed { get; set; }

    public void Close()
    {
        Closed = true;
        budget.Add(-UsedBytes);
        UsedBytes = 0;
    }

    /// <summary>The live entry of a key, removing it first when it has expired (unless held, see <see cref="Hold"/>). Counts nothing.</summary>
    public CacheEntry? Find(ReadOnlySpan<byte> key) => Find(key, out _);

    /// <summary>
    /// As <see cref="Find(ReadOnlySpan{byte})"/>; <paramref name="expired"/> is the entry of a key found expired (removed,
    /// or still in place while held), null for a key not there or live.
    /// </summary>
    private CacheEntry? Find(ReadOnlySpan<byte> key, out CacheEntry? expired)
    {
        expired = null;
        if (!_map.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(key, out var entry)) return null;
        if (entry.IsExpiredAt(Now))
        {
            expired = entry;
            if (!Held) Expire(entry);
            return null;
        }
        return entry;
    }

    /// <summary>A lookup by a read command: counts a hit or a miss and records the access.</summary>
    public CacheEntry? Read(ReadOnlySpan<byte> key)
    {
        var entry = Find(key);
        if (entry is null) return Missed(key);
        Counters.Hits++;
        Touch(entry);
        return entry;
    }

    private CacheEntry? Missed(ReadOnlySpan<byte> key)
    {
        Counters.Misses++;
        // Where Redis counts a miss it also raises keymiss (the key copied only when someone listens).
        if (Events is { } events && events.Wants(Notifications.KeyspaceEventTypes.KeyMiss)) events.Raise("keymiss", key.ToArray());
        return null;
    }

    /// <summary>A lookup by a write command: records the access.</summary>
    public CacheEntry? Write(ReadOnlySpan<byte> key)
    {
        var entry = Find(key);
        if (entry is not null) Touch(entry);
        return entry;
    }

    public CacheEntry Add(byte[] key, object value, long expiresAt = 0)
    {
        var entry = new CacheEntry(key, value);
        if (!_map.Add(entry)) ReplaceExpired(entry);
        _flushed?.Remove(key);
        Notify(Notifications.KeyspaceEventTypes.New, "new", key);
        entry.Index = _all.Count;
        _all.Add(entry);
        entry.Frequency = LfuInitial;
        entry.FrequencyMinute = (int)(Now / 60_000);
        entry.LastAccess = Now;
        if (expiresAt != 0) SetExpiry(entry, expiresAt);
        Resize(entry);
        return entry;
    }

    /// <summary>
    /// A write reaching a key that expired while held (a client a pause does not hold: another silo's, or memcached's)
    /// expires it first, as a write to an expired key does at any time.
    /// </summary>
    private void ReplaceExpired(CacheEntry entry)
    {
        if (!_map.TryGetValue(entry, out var expired) || !expired.IsExpiredAt(Now))
            throw new ArgumentException("An entry with the same key has already been added.", nameof(entry));
        Expire(expired);
        _map.Add(entry);
    }

    /// <summary>Replaces the value of a key (of any type), adding the key if absent; the expiry is cleared unless kept.</summary>
    public CacheEntry Put(byte[] key, object value, bool keepTtl = false)
    {
        var entry = Find(key);
        if (entry is null) return Add(key, value);
        if (entry.Value is Streams.StreamValue) StreamGone(key);
        entry.Value = value;
        entry.Flags = 0;
        entry.StringEncoding = StringEncoding.Auto;
        if (!keepTtl) SetExpiry(entry, 0);
        Touch(entry);
        Resize(entry);
        return entry;
    }

    /// <summary>Recomputes the accounted size of an entry after its value changed.</summary>
    public void Resize(CacheEntry entry)
    {
        // Every value change passes here, so this is where memcached's CAS unique moves on (and replicas hear of it).
        Feed?.Mark(entry.Key);
        if (Tracking is { Active: true }) Invalidate(entry.Key, Origin);
        Touched(entry.Key);
        entry.Cas = Math.Max((ulong)Interlocked.Increment(ref _casCounter), entry.Cas + 1);
        Reaccount(entry);
    }

    /// <summary>
    /// Recomputes an entry's accounted size when only memory kept beside its value changed (a scan's page order): no
    /// change of the value, so no CAS, replication or invalidation.
    /// </summary>
    public void Reaccount(CacheEntry entry)
    {
        var size = EntryOverhead + entry.Key.Length + ValueSize(entry.Value);
        var delta = size - entry.Size;
        if (delta == 0) return;
        entry.Size = (int)Math.Min(size, int.MaxValue);
        UsedBytes += delta;
        budget.Add(delta);
    }

    public bool Remove(ReadOnlySpan<byte> key)
    {
        var entry = Find(key);
        if (entry is null) return false;
        Remove(entry);
        return true;
    }

    public void Remove(CacheEntry entry) => Remove(entry, Origin);

    /// <summary>Removes the entry; <paramref name="origin"/> is the connection whose command removed it (none for an expiry).</summary>
    private void Remove(CacheEntry entry, string? origin)
    {
        Feed?.Mark(entry.Key);
        if (Tracking is { Active: true }) Invalidate(entry.Key, origin);
        Touched(entry.Key);
        if (entry.Value is Streams.StreamValue) StreamGone(entry.Key);
        _map.Remove(entry);
        RemoveAt(_all, entry.Index, static (e, i) => e.Index = i);
        if (entry.VolatileIndex >= 0)
        {
            RemoveAt(_volatile, entry.VolatileIndex, static (e, i) => e.VolatileIndex = i);
            entry.VolatileIndex = -1;
        }
        UsedBytes -= entry.Size;
        budget.Add(-entry.Size);
        entry.Size = 0;
    }

    /// <summary>Removes an entry whose time has passed, as an expiry (counted, and notified as <c>expired</c>).</summary>
    private void Expire(CacheEntry entry)
    {
        Remove(entry, origin: null);
        Counters.ExpiredKeys++;
        Notify(Notifications.KeyspaceEventTypes.Expired, "expired", entry.Key);
    }

    public void SetExpiry(CacheEntry entry, long expiresAt)
    {
        Feed?.Mark(entry.Key);
        if (Tracking is { Active: true }) Invalidate(entry.Key, Origin);
        Touched(entry.Key);
        entry.ExpiresAt = expiresAt;
        if (expiresAt != 0 && entry.VolatileIndex < 0)
        {
            entry.VolatileIndex = _volatile.Count;
            _volatile.Add(entry);
        }
        else if (expiresAt == 0 && entry.VolatileIndex >= 0)
        {
            RemoveAt(_volatile, entry.VolatileIndex, static (e, i) => e.VolatileIndex = i);
            entry.VolatileIndex = -1;
        }
    }

    public void Clear()
    {
        _flushed = null;
        Feed?.MarkFlushed();
        if (Tracking is { Active: true }) Invalidate(null, Origin);
        TouchedAll();
        AllStreamsGone();
        budget.Add(-UsedBytes);
        UsedBytes = 0;
        _map.Clear();
        _all.Clear();
        _volatile.Clear();
    }

    /// <summary>A random live entry (or one with an expiry), or null when there is none.</summary>
    public CacheEntry? RandomEntry(bool volatileOnly)
    {
        var list = volatileOnly ? _volatile : _all;
        for (var attempt = 0; attempt < 100 && list.Count > 0; attempt++)
        {
            var entry = list[Random.Shared.Next(list.Count)];
            if (!entry.IsExpiredAt(Now)) return entry;
            if (!Held) Expire(entry);
        }
        return null;
    }

    /// <summary>
    /// Redis' active expiry cycle on this shard: samples keys with an expiry, removes those that
    /// have expired, and goes on while more than a quarter of a sample had, within a bounded effort.
    /// </summary>
    public int SweepExpired(int sampleSize = 20, int maxRounds = 16)
    {
        if (_flushed is not null && Now - _flushedAt > FlushedNamesLifetimeMs) _flushed = null;
        if (Held) return 0;
        var removed = 0;
        for (var round = 0; round < maxRounds && _volatile.Count > 0; round++)
        {
            var expired = 0;
            var samples = Math.Min(sampleSize, _volatile.Count);
            for (var i = 0; i < samples && _volatile.Count > 0; i++)
            {
                var entry = _volatile[Random.Shared.Next(_volatile.Count)];
                if (!entry.IsExpiredAt(Now)) continue;
                Expire(entry);
                expired++;
            }
            removed += expired;
            if (expired * 4 <= samples) break;
        }
        return removed;
    }

    public static long ValueSize(object value) => value switch
    {
        byte[] bytes => 24 + bytes.Length,
        HashValue hash => 64 + hash.Bytes + hash.ScanOrderBytes,
        SortedSetValue set => 128 + set.Bytes + set.ScanOrderBytes,
        ListValue list => 64 + list.Bytes,
        SetValue set => 96 + set.Bytes + set.ScanOrderBytes,
        Streams.StreamValue stream => 128 + stream.Size,
        _ => 0,
    };

    private static void RemoveAt(List<CacheEntry> list, int index, Action<CacheEntry, int> setIndex)
    {
        var last = list.Count - 1;
        if (index != last)
        {
            list[index] = list[last];
            setIndex(list[index], index);
        }
        list.RemoveAt(last);
    }
}
