using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Streams;

namespace DataTier.Silo.Resp;

/// <summary>
/// XREAD and XREADGROUP, whose keys may be on several shards: each attempt reads the keys in order on their shards and
/// combines what they gave. With BLOCK the client waits as for the blocking list commands (a shard that found nothing
/// remembers the wait; the next XADD on the key wakes the waiters on every silo; a retry every second; the client's
/// going away ends the wait). XGROUP and XINFO, whose key is their second argument, run on that key's shard.
/// </summary>
public sealed partial class RespSession
{
    private static bool IsStreamAcrossKeys(CommandId id) => id is CommandId.XRead or CommandId.XReadGroup or CommandId.XGroup or CommandId.XInfo;

    /// <summary>One parsed XREAD or XREADGROUP: keys and IDs, COUNT (0: all), BLOCK (null: none), and the group's part.</summary>
    private sealed record StreamRead(byte[][] Keys, byte[][] Ids, long Count, long? BlockMs, byte[]? Group, byte[]? Consumer, bool NoAck);

    private async Task<CacheReply> RunStreamAsync(CommandSpec spec, byte[][] a)
    {
        if (spec.Id is CommandId.XGroup or CommandId.XInfo)
        {
            if (StreamSubcommands.Check(a, spec.Id == CommandId.XGroup) is { } answered) return answered;
            return await _services.Router.Execute(CacheRouter.ShardOf(a[2]), new ShardCommand(spec.Id, a));
        }
        if (ParseStreamRead(a, spec.Id == CommandId.XReadGroup, out var read) is { } invalid) return invalid;
        if (read.Group is not null && read.Keys.Length > 1 && await CheckGroupsAsync(read) is { } missing) return missing;
        var ids = (byte[][])read.Ids.Clone();
        if (read.BlockMs is not { } blockMs) return await TryReadStreamsAsync(read, ids, 0) ?? CacheReply.NilArray;
        var deadline = blockMs > 0 ? _services.Time.GetUtcNow().ToUnixTimeMilliseconds() + blockMs : long.MaxValue;
        var wakeups = _services.KeyWakeups;
        while (true)
        {
            var waiter = wakeups.Register(read.Keys);
            try
            {
                if (await TryReadStreamsAsync(read, ids, deadline) is { } reply) return reply;
                if (!await WaitAsync(waiter.Task, deadline)) return CacheReply.NilArray;
            }
            finally
            {
                wakeups.Unregister(read.Keys, waiter);
            }
        }
    }

    /// <summary>XREADGROUP over several keys: the first key's error (WRONGTYPE, NOGROUP) before any is read, as Redis checks them.</summary>
    private async Task<CacheReply?> CheckGroupsAsync(StreamRead read)
    {
        foreach (var key in read.Keys)
        {
            var reply = await _services.Router.Execute(CacheRouter.ShardOf(key), new ShardCommand(CommandId.StreamReadGroupOrAwait,
                ["XREADGROUP"u8.ToArray(), key, read.Group!, read.Consumer!, ">"u8.ToArray(), "-1"u8.ToArray(), "0"u8.ToArray(), "0"u8.ToArray()]));
            if (reply.IsError) return reply;
        }
        return null;
    }

    /// <summary>One pass over the keys: the keys that gave entries with them, an error, or null when none gave any. A <c>$</c> in <paramref name="ids"/> is replaced by the ID it stood for.</summary>
    private async Task<CacheReply?> TryReadStreamsAsync(StreamRead read, byte[][] ids, long waitUntil)
    {
        var router = _services.Router;
        var until = CacheNumbers.ToBytes(waitUntil);
        var count = CacheNumbers.ToBytes(read.Count);
        var found = new List<CacheReply>();
        for (var i = 0; i < read.Keys.Length; i++)
        {
            var key = read.Keys[i];
            var command = read.Group is null
                ? new ShardCommand(CommandId.StreamReadOrAwait, ["XREAD"u8.ToArray(), key, ids[i], count, until])
                : new ShardCommand(CommandId.StreamReadGroupOrAwait,
                    ["XREADGROUP"u8.ToArray(), key, read.Group, read.Consumer!, ids[i], count, read.NoAck ? "1"u8.ToArray() : "0"u8.ToArray(), until]);
            var reply = await router.Execute(CacheRouter.ShardOf(key), command);
            if (reply.IsError) return reply;
            if (reply.Kind == ReplyKind.Bulk) ids[i] = reply.Bytes!;
            if (reply.Kind != ReplyKind.Array) continue;
            found.Add(CacheReply.Bulk(key));
            found.Add(reply);
        }
        return found.Count > 0 ? CacheReply.KeyedPairs([.. found]) : null;
    }

    /// <summary>XREAD [COUNT count] [BLOCK ms] STREAMS key ... id ..., and XREADGROUP GROUP group consumer [COUNT count] [BLOCK ms] [NOACK] STREAMS ....</summary>
    private static CacheReply? ParseStreamRead(byte[][] a, bool group, out StreamRead read)
    {
        read = null!;
        long count = 0;
        long? block = null;
        byte[]? groupName = null, consumer = null;
        var noAck = false;
        var streamsAt = 0;
        for (var i = 1; i < a.Length; i++)
        {
            var more = a.Length - 1 - i;
            if (Arg.Is(a[i], "block") && more >= 1)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out var ms)) return CacheReply.Error("ERR timeout is not an integer or out of range");
                if (ms < 0) return CacheReply.Error("ERR timeout is negative");
                block = ms;
            }
            else if (Arg.Is(a[i], "count") && more >= 1)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out count)) return CacheErrors.NotInteger;
                if (count < 0) count = 0;
            }
            else if (Arg.Is(a[i], "streams") && more >= 1)
            {
                streamsAt = i + 1;
                if ((a.Length - streamsAt) % 2 != 0)
                    return CacheReply.Error("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
                break;
            }
            else if (group && Arg.Is(a[i], "group") && more >= 2)
            {
                groupName = a[++i];
                consumer = a[++i];
            }
            else if (group && Arg.Is(a[i], "noack"))
            {
                noAck = true;
            }
            else
            {
                return CacheErrors.Syntax;
            }
        }
        if (streamsAt == 0) return CacheErrors.Syntax;
        if (group && groupName is null) return CacheReply.Error("ERR Missing GROUP option for XREADGROUP");
        var keyCount = (a.Length - streamsAt) / 2;
        var ids = a[(streamsAt + keyCount)..];
        foreach (var id in ids)
        {
            if (Arg.Is(id, "$"))
            {
                if (group)
                    return CacheReply.Error("ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.");
            }
            else if (Arg.Is(id, ">"))
            {
                if (!group) return CacheReply.Error("ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.");
            }
            else if (!StreamEntryId.TryParse(id, 0, special: false, out _))
            {
                return StreamErrors.InvalidId;
            }
        }
        read = new StreamRead(a[streamsAt..(streamsAt + keyCount)], ids, count, block, groupName, consumer, noAck);
        return null;
    }
}
