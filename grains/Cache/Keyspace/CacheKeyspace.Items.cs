namespace DataTier.Cache.Keyspace;

/// <summary>memcached's view of a shard's keys: its lookups count the items they find expired or flushed, as memcached 1.6 does.</summary>
public sealed partial class CacheKeyspace
{
    /// <summary>How long a flush_all's names are kept for get_flushed, as memcached keeps flushed items until its crawler reclaims them.</summary>
    private const long FlushedNamesLifetimeMs = 60_000;

    // The names a memcached flush_all removed, until a lookup finds one (get_flushed), a write makes it anew, or they age out.
    private HashSet<byte[]>? _flushed;
    private long _flushedAt;

    /// <summary>Whether a flush_all's names are still kept (the expiry sweep ages them out).</summary>
    public bool KeepsFlushedNames => _flushed is not null;

    /// <summary>
    /// A lookup by any memcached command, as <see cref="Read"/> (get, gat, touch) or <see cref="Write"/> does, which also
    /// counts get_expired for an item there but expired (once per item, as memcached removes it then) and get_flushed for
    /// one a flush_all removed, as memcached does.
    /// </summary>
    public CacheEntry? FindItem(ReadOnlySpan<byte> key, bool read)
    {
        var entry = Find(key, out var expired);
        if (entry is null)
        {
            if (expired is { ExpiryCounted: false })
            {
                // memcached removes an expired item on the lookup that counts it; one held in place (a pause) counts once too.
                expired.ExpiryCounted = true;
                Counters.GetExpired++;
            }
            else if (_flushed is not null && _flushed.GetAlternateLookup<ReadOnlySpan<byte>>().Remove(key)) Counters.GetFlushed++;
            return read ? Missed(key) : null;
        }
        if (read) Counters.Hits++;
        Touch(entry);
        return entry;
    }

    /// <summary>
    /// The most names of a shard a flush_all keeps: they stay in memory outside maxmemory's account, so a flush of a large
    /// shard keeps none (its later lookups count as plain misses rather than get_flushed).
    /// </summary>
    private const int MaxFlushedNames = 65_536;

    /// <summary>memcached's flush_all: every key removed, their names kept for get_flushed (up to <see cref="MaxFlushedNames"/>).</summary>
    public void ClearItems()
    {
        if (_all.Count > MaxFlushedNames)
        {
            Clear();
            return;
        }
        var names = new HashSet<byte[]>(_all.Count, ByteArrayComparer.Instance);
        foreach (var entry in _all) names.Add(entry.Key);
        Clear();
        _flushed = names;
        _flushedAt = Now;
    }
}
