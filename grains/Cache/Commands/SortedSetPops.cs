using DataTier.Cache.Blocking;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>The pops of ZMPOP, BZPOPMIN, BZPOPMAX and BZMPOP on a shard.</summary>
public static class SortedSetPops
{
    /// <summary>
    /// One attempt on one key (internal: ZPOP key min|max count wait-until, and for a blocking one its ticket): the
    /// members and scores popped, or nil when the key is absent or, for a blocking attempt, others are before it in the
    /// key's line; its ticket then stays in line until wait-until (Unix ms; 0: no wait), as for the list pops.
    /// </summary>
    public static CacheReply PopOrAwait(CacheKeyspace ks, byte[][] a)
    {
        var max = Arg.Is(a[2], "max");
        CacheNumbers.TryParseLong(a[3], out var count);
        CacheNumbers.TryParseLong(a[4], out var until);
        var set = TypedLookup<SortedSetValue>.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        var ticket = until > 0 ? WaitTicket.Read(a, 5) : null;
        if (ticket is { } waiting && !ks.TakeTurn(a[1], waiting, until, set is not null)) return CacheReply.Nil;
        if (set is null) return CacheReply.Nil;
        var items = Take(set, max, count);
        TypedLookup<SortedSetValue>.Changed(ks, entry!, set.Count == 0, Notifications.KeyspaceEventTypes.SortedSet, max ? "zpopmax" : "zpopmin");
        if (ticket is { } served) ks.LeaveLine(a[1], served, set.Count > 0);
        return CacheReply.Array(items);
    }

    /// <summary>Removes up to <paramref name="count"/> members from the low or high end: member, score, member, score, ...</summary>
    public static CacheReply[] Take(SortedSetValue set, bool max, long count)
    {
        var popped = (max ? set.Ordered.Reverse() : set.Ordered).Take((int)Math.Min(count, int.MaxValue)).ToList();
        var items = new CacheReply[popped.Count * 2];
        for (var i = 0; i < popped.Count; i++)
        {
            set.Remove(popped[i].Member);
            items[i * 2] = CacheReply.Bulk(popped[i].Member);
            items[i * 2 + 1] = CacheReply.Number(popped[i].Score);
        }
        return items;
    }

    /// <summary>
    /// The command with all its keys on this shard, in one pass and never waiting: inside MULTI, where Redis also answers
    /// at once (a nil array when every key is empty), and ZMPOP from scripts.
    /// </summary>
    public static CacheReply PopOnOneShard(CacheKeyspace ks, CommandId id, byte[][] a)
    {
        if (SortedSetPopRequest.TryParse(id, a, out var pop) is { } invalid) return invalid;
        foreach (var key in pop.Keys)
        {
            var reply = PopOrAwait(ks, pop.PopOnShard(key, 0).Args);
            if (reply.IsError) return reply;
            if (reply.Kind != ReplyKind.Null) return pop.Answer(key, reply);
        }
        return CacheReply.NilArray;
    }
}
