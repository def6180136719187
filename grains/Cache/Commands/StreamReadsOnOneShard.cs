using DataTier.Cache.Keyspace;
using DataTier.Cache.Streams;

namespace DataTier.Cache.Commands;

/// <summary>
/// XREAD and XREADGROUP with all their keys on one shard, read in one pass under its gate and never waiting: inside
/// MULTI and from scripts, where Redis also reads without blocking (BLOCK is ignored there).
/// </summary>
public static class StreamReadsOnOneShard
{
    public static CacheReply Read(CacheKeyspace ks, byte[][] a, bool group)
    {
        if (StreamReadRequest.TryParse(a, group, out var read) is { } invalid) return invalid;
        if (read.ChecksKeysFirst)
        {
            for (var i = 0; i < read.Keys.Length; i++)
            {
                if (ShardExecutor.Execute(ks, read.CheckKeyOnShard(i)) is { IsError: true } missing) return missing;
                if (read.CheckId(i) is { } badId) return badId;
            }
        }
        var found = new List<CacheReply>();
        for (var i = 0; i < read.Keys.Length; i++)
        {
            var reply = ShardExecutor.Execute(ks, read.ReadOnShard(i, read.Ids[i], 0));
            if (reply.IsError) return reply;
            if (reply.Kind != ReplyKind.Array) continue;
            found.Add(CacheReply.Bulk(read.Keys[i]));
            found.Add(reply);
        }
        return found.Count > 0 ? CacheReply.KeyedPairs([.. found]) : CacheReply.NilArray;
    }
}
