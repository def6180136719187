using DataTier.Cache.Tracking;

namespace DataTier.Silo.Resp.Tracking;

/// <summary>
/// The last flushes a tracking table told its clients of, by the command that flushed: a flush empties every shard and
/// each shard reports it, from this silo and the others, while Redis tells each client of a flush once.
/// </summary>
public sealed class RecentFlushes
{
    // Flushes are rare: this many cover the ones whose shards may still be reporting.
    private const int Kept = 64;
    private readonly Queue<(string Origin, long Serial)> _told = new();

    /// <summary>Whether the flush was told already, else notes it told; a flush not named by its command (no serial) is told each time.</summary>
    public bool Told(KeyChange flush)
    {
        if (flush.Origin is not { } origin || flush.Serial == 0) return false;
        foreach (var told in _told)
            if (told.Serial == flush.Serial && told.Origin == origin) return true;
        if (_told.Count == Kept) _told.Dequeue();
        _told.Enqueue((origin, flush.Serial));
        return false;
    }
}
