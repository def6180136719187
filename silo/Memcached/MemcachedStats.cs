namespace DataTier.Silo.Memcached;

/// <summary>Counters of the memcached endpoint of this silo, for <c>stats</c>.</summary>
public sealed class MemcachedStats
{
    public readonly DateTimeOffset Started = DateTimeOffset.UtcNow;
    public long CurrentConnections;
    public long TotalConnections;
    public long CmdGet;
    public long CmdSet;
    public long CmdTouch;
    public long GetHits;
    public long GetMisses;
}
