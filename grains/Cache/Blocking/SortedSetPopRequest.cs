using DataTier.Cache.Commands;

namespace DataTier.Cache.Blocking;

/// <summary>
/// One parsed ZMPOP or blocking sorted set pop (BZPOPMIN, BZPOPMAX, BZMPOP): the keys in order, the end to pop from,
/// how many, whether the reply is ZMPOP's (the key and member-score pairs) or BZPOPMIN's (key, member, score), and the
/// timeout (null: none).
/// </summary>
public readonly record struct SortedSetPopRequest(byte[][] Keys, bool Max, long Count, bool Multi, long? TimeoutMs)
{
    public static bool IsSortedSetPop(CommandId id) => id is CommandId.ZMPop or CommandId.BZPopMin or CommandId.BZPopMax or CommandId.BZMPop;

    public static CacheReply? TryParse(CommandId id, byte[][] a, out SortedSetPopRequest pop)
    {
        pop = default;
        long timeout;
        switch (id)
        {
            case CommandId.BZPopMin or CommandId.BZPopMax:
                if (BlockingTimeout.Parse(a[^1], out timeout) is { } invalid) return invalid;
                pop = new SortedSetPopRequest(a[1..^1], id == CommandId.BZPopMax, 1, false, timeout);
                return null;
            case CommandId.BZMPop:
                if (BlockingTimeout.Parse(a[1], out timeout) is { } badTimeout) return badTimeout;
                if (MultiPopArgs.Parse(a, 2, "min", "max", out var keys, out var min, out var count) is { } error) return error;
                pop = new SortedSetPopRequest(keys, !min, count, true, timeout);
                return null;
            default:
                if (MultiPopArgs.Parse(a, 1, "min", "max", out keys, out min, out count) is { } syntax) return syntax;
                pop = new SortedSetPopRequest(keys, !min, count, true, null);
                return null;
        }
    }

    /// <summary>
    /// The pop of <paramref name="key"/> on its shard, waiting until <paramref name="waitUntil"/> (Unix ms; 0: no wait)
    /// in the key's line with <paramref name="ticket"/>.
    /// </summary>
    public ShardCommand PopOnShard(byte[] key, long waitUntil, WaitTicket? ticket = null) => new(CommandId.SortedSetPopOrAwait,
        ["ZPOP"u8.ToArray(), key, Max ? "max"u8.ToArray() : "min"u8.ToArray(), CacheNumbers.ToBytes(Count), CacheNumbers.ToBytes(waitUntil),
            .. ticket is null ? (byte[][])[] : [ticket.Arg]]);

    /// <summary>The command's reply for what a shard popped from <paramref name="key"/> (member, score, member, score, ...).</summary>
    public CacheReply Answer(byte[] key, CacheReply popped)
    {
        var items = popped.Items!;
        if (!Multi) return CacheReply.Array([CacheReply.Bulk(key), items[0], items[1]]);
        var pairs = new CacheReply[items.Length / 2];
        for (var i = 0; i < pairs.Length; i++) pairs[i] = CacheReply.Array([items[i * 2], items[i * 2 + 1]]);
        return CacheReply.Array([CacheReply.Bulk(key), CacheReply.Array(pairs)]);
    }
}
