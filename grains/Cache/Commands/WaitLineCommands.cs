using DataTier.Cache.Blocking;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Streams;

namespace DataTier.Cache.Commands;

/// <summary>The lines of clients waiting to take from a key (see <see cref="KeyWaitLine"/>).</summary>
public static class WaitLineCommands
{
    /// <summary>
    /// A blocking pop, or a blocking reader of a stream's group, stopped waiting (internal: LEAVE key ticket [group]): it
    /// answered from another key, timed out, was unblocked or its client left. Its ticket leaves the line of the key (or
    /// of the key's group), and if the key holds elements (or the group entries it has not delivered) the next in line
    /// is woken to take them.
    /// </summary>
    public static CacheReply Leave(CacheKeyspace ks, byte[][] a)
    {
        if (WaitTicket.Read(a, 2) is not { } ticket) return CacheReply.Ok;
        if (a.Length < 4) ks.LeaveLine(a[1], ticket, ks.Find(a[1]) is not null);
        else
        {
            var hasNew = ks.Find(a[1])?.Value is StreamValue stream && stream.Groups.TryGetValue(a[3], out var group) && StreamGroupReads.HasNew(stream, group);
            ks.LeaveGroupLine(a[1], a[3], ticket, hasNew);
        }
        return CacheReply.Ok;
    }
}
