using DataTier.Cache.Blocking;
using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>The lines of clients waiting to take from a key (see <see cref="KeyWaitLine"/>).</summary>
public static class WaitLineCommands
{
    /// <summary>
    /// A blocking pop stopped waiting (internal: LEAVE key ticket): it answered from another key, timed out, was
    /// unblocked or its client left. Its ticket leaves the key's line, and if the key holds elements the next in line is
    /// woken to take them.
    /// </summary>
    public static CacheReply Leave(CacheKeyspace ks, byte[][] a)
    {
        if (WaitTicket.Read(a, 2) is { } ticket) ks.LeaveLine(a[1], ticket, ks.Find(a[1]) is not null);
        return CacheReply.Ok;
    }
}
