using DataTier.Cache;
using DataTier.Cache.Blocking;
using DataTier.Cache.Commands;
using DataTier.Cache.Streams;

namespace DataTier.Silo.Resp;

/// <summary>
/// XREAD and XREADGROUP, whose keys may be on several shards: each attempt reads the keys in order on their shards and
/// combines what they gave. With BLOCK the client waits as for the blocking list commands (a shard that found nothing
/// remembers the wait; the next XADD on the key wakes XREAD's waiters on every silo, and XREADGROUP's in turn, the first
/// of each group's line first, as the blocking pops; a retry every second; the client's going away ends the wait). XGROUP and XINFO, whose key is their second argument, run on that key's shard.
/// </summary>
public sealed partial class RespSession
{
    private static bool IsStreamAcrossKeys(CommandId id) => id is CommandId.XRead or CommandId.XReadGroup or CommandId.XGroup or CommandId.XInfo;

    private async Task<CacheReply> RunStreamAsync(CommandSpec spec, byte[][] a)
    {
        if (spec.Id is CommandId.XGroup or CommandId.XInfo)
        {
            if (StreamSubcommands.Check(a, spec.Id == CommandId.XGroup) is { } answered) return answered;
            return await _router.Execute(CacheRouter.ShardOf(a[2]), new ShardCommand(spec.Id, a));
        }
        if (StreamReadRequest.TryParse(a, spec.Id == CommandId.XReadGroup, out var read) is { } invalid) return invalid;
        if (read.ChecksKeysFirst && await CheckKeysAsync(read) is { } missing) return missing;
        var ids = (byte[][])read.Ids.Clone();
        if (read.Group is { } group)
            return await BlockOnKeysAsync(read.BlockMs, (deadline, ticket) => TryReadStreamsAsync(read, ids, deadline, ticket), group);
        if (read.BlockMs is not { } blockMs) return await TryReadStreamsAsync(read, ids, 0) ?? CacheReply.NilArray;
        var deadline = blockMs > 0 ? _services.Time.GetUtcNow().ToUnixTimeMilliseconds() + blockMs : long.MaxValue;
        var wakeups = _services.KeyWakeups;
        while (true)
        {
            var waiter = wakeups.Register(read.Keys);
            try
            {
                if (await TryReadStreamsAsync(read, ids, deadline) is { } reply) return reply;
                if (await WaitAsync(waiter.Task, deadline) is { } stopped) return stopped;
            }
            finally
            {
                wakeups.Unregister(read.Keys, waiter);
            }
        }
    }

    /// <summary>The first key's error (WRONGTYPE, NOGROUP, then its ID's) before any is read, as Redis checks them.</summary>
    private async Task<CacheReply?> CheckKeysAsync(StreamReadRequest read)
    {
        for (var i = 0; i < read.Keys.Length; i++)
        {
            var reply = await _router.Execute(CacheRouter.ShardOf(read.Keys[i]), read.CheckKeyOnShard(i));
            if (reply.IsError) return reply;
            if (read.CheckId(i) is { } badId) return badId;
        }
        return null;
    }

    /// <summary>One pass over the keys: the keys that gave entries with them, an error, or null when none gave any. A <c>$</c> in <paramref name="ids"/> is replaced by the ID it stood for.</summary>
    private async Task<CacheReply?> TryReadStreamsAsync(StreamReadRequest read, byte[][] ids, long waitUntil, WaitTicket? ticket = null)
    {
        var router = _router;
        var found = new List<CacheReply>();
        for (var i = 0; i < read.Keys.Length; i++)
        {
            var key = read.Keys[i];
            var reply = await router.Execute(CacheRouter.ShardOf(key), read.ReadOnShard(i, ids[i], waitUntil, ticket));
            ticket?.Answered(key, reply);
            if (reply.IsError) return reply;
            if (reply.Kind == ReplyKind.Bulk) ids[i] = reply.Bytes!;
            if (reply.Kind != ReplyKind.Array) continue;
            found.Add(CacheReply.Bulk(key));
            found.Add(reply);
        }
        return found.Count > 0 ? CacheReply.KeyedPairs([.. found]) : null;
    }
}
