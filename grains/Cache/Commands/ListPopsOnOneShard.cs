using DataTier.Cache.Blocking;
using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>
/// LMPOP and the blocking list commands with all their keys on one shard, run in one pass under its gate and never
/// waiting: inside MULTI, where Redis also answers at once (a nil array when every list is empty), and LMPOP from
/// scripts.
/// </summary>
public static class ListPopsOnOneShard
{
    public static CacheReply Pop(CacheKeyspace ks, CommandId id, byte[][] a)
    {
        if (ListPopRequest.TryParse(id, a, out var pop) is { } invalid) return invalid;
        foreach (var key in pop.Keys)
        {
            // An empty source answers nil, not the nil array a pop answers (Redis' reply to a move that cannot block).
            if (pop.Destination is not null) return ShardExecutor.Execute(ks, pop.MoveOnShard(key, 0));
            var reply = ShardExecutor.Execute(ks, pop.PopOnShard(key, 0));
            if (reply.IsError) return reply;
            if (reply.Kind == ReplyKind.Null) continue;
            return CacheReply.Array([CacheReply.Bulk(key), reply]);
        }
        return CacheReply.NilArray;
    }
}
