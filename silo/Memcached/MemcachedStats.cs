namespace DataTier.Silo.Memcached;

/// <summary>
/// Counters of the memcached endpoint of this silo, for <c>stats</c>, counted as memcached 1.6 counts them: a get
/// and touch (gat) is a touch, not a get; a value refused as too large is not a set; total_items counts every item a
/// store made (set, add, replace, append, prepend, cas), a binary increment made with its initial value and an
/// increment whose number grew longer (memcached needs a new item for it). get_expired and get_flushed are counted by
/// the shards (see <see cref="DataTier.Cache.Keyspace.CacheKeyspace.FindItem"/>).
/// </summary>
public sealed class MemcachedStats(DataTier.Cache.Memory.CacheMemoryBudget budget)
{
    /// <summary>This silo's memory limit and eviction policy, for limit_maxbytes and the settings group.</summary>
    public DataTier.Cache.Memory.CacheMemoryBudget Budget => budget;

    public readonly DateTimeOffset Started = DateTimeOffset.UtcNow;
    public long CurrentConnections;
    public long TotalConnections;
    public long CmdGet;
    public long CmdSet;
    public long CmdTouch;
    public long CmdFlush;
    public long GetHits;
    public long GetMisses;
    public long DeleteHits;
    public long DeleteMisses;
    public long IncrHits;
    public long IncrMisses;
    public long DecrHits;
    public long DecrMisses;
    public long CasHits;
    public long CasMisses;
    public long CasBadval;
    public long TouchHits;
    public long TouchMisses;
    public long StoreTooLarge;
    public long TotalItems;
    public long BytesRead;
    public long BytesWritten;

    /// <summary>A get (or gets) of one key, or with <paramref name="touch"/> a gat, gats or touch.</summary>
    public void Retrieved(bool touch, bool hit)
    {
        if (touch)
        {
            Interlocked.Increment(ref CmdTouch);
            Interlocked.Increment(ref (hit ? ref TouchHits : ref TouchMisses));
        }
        else
        {
            Interlocked.Increment(ref CmdGet);
            Interlocked.Increment(ref (hit ? ref GetHits : ref GetMisses));
        }
    }

    /// <summary>A storage command's outcome; <paramref name="cas"/> when it was a check-and-set.</summary>
    public void Stored(bool cas, StoreOutcome outcome)
    {
        Interlocked.Increment(ref CmdSet);
        if (outcome == StoreOutcome.Stored) Interlocked.Increment(ref TotalItems);
        if (!cas) return;
        switch (outcome)
        {
            case StoreOutcome.Stored:
                Interlocked.Increment(ref CasHits);
                break;
            case StoreOutcome.Exists:
                Interlocked.Increment(ref CasBadval);
                break;
            case StoreOutcome.NotFound:
                Interlocked.Increment(ref CasMisses);
                break;
        }
    }

    public void Deleted(bool hit) => Interlocked.Increment(ref (hit ? ref DeleteHits : ref DeleteMisses));

    /// <summary>An incr or decr that found its item (<paramref name="hit"/>) or did not; one that made the item (binary, with an initial value) is an item stored instead.</summary>
    public void Counted(bool decrement, bool hit)
    {
        if (decrement) Interlocked.Increment(ref (hit ? ref DecrHits : ref DecrMisses));
        else Interlocked.Increment(ref (hit ? ref IncrHits : ref IncrMisses));
    }

    public void Created() => Interlocked.Increment(ref TotalItems);

    public void Transferred(long read, long written)
    {
        if (read > 0) Interlocked.Add(ref BytesRead, read);
        if (written > 0) Interlocked.Add(ref BytesWritten, written);
    }
}
