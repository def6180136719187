using DataTier.Cache.Commands;

namespace DataTier.Cache.Blocking;

/// <summary>
/// One parsed LMPOP or blocking list command (BLPOP, BRPOP, BLMOVE, BRPOPLPUSH, BLMPOP): the keys in order, the end to
/// pop from, how many (0: one element, not an array), where a move pushes, and the timeout (null: none).
/// </summary>
public readonly record struct ListPopRequest(byte[][] Keys, bool Left, long Count, byte[]? Destination, bool ToLeft, long? TimeoutMs)
{
    public static bool IsListPop(CommandId id) => id is CommandId.LMPop or CommandId.BLPop or CommandId.BRPop
        or CommandId.BLMove or CommandId.BRPopLPush or CommandId.BLMPop;

    public static CacheReply? TryParse(CommandId id, byte[][] a, out ListPopRequest pop)
    {
        pop = default;
        switch (id)
        {
            case CommandId.BLPop or CommandId.BRPop:
                if (BlockingTimeout.Parse(a[^1], out var t) is { } badTimeout) return badTimeout;
                pop = new ListPopRequest(a[1..^1], id == CommandId.BLPop, 0, null, false, t);
                return null;
            case CommandId.BLMove or CommandId.BRPopLPush:
                if (ListCommands.ParseMove(id == CommandId.BLMove ? a[..5] : a[..3], out var fromLeft, out var toLeft) is { } syntax) return syntax;
                if (BlockingTimeout.Parse(a[^1], out t) is { } invalid) return invalid;
                pop = new ListPopRequest([a[1]], fromLeft, 0, a[2], toLeft, t);
                return null;
            default:
                var blocking = id == CommandId.BLMPop;
                long? timeout = null;
                if (blocking)
                {
                    if (BlockingTimeout.Parse(a[1], out t) is { } badBlockTimeout) return badBlockTimeout;
                    timeout = t;
                }
                if (ParseMultiPop(a, blocking ? 2 : 1, out pop) is { } error) return error;
                pop = pop with { TimeoutMs = timeout };
                return null;
        }
    }

    /// <summary>LMPOP's and BLMPOP's numkeys key [key ...] LEFT|RIGHT [COUNT count], from argument <paramref name="first"/>.</summary>
    private static CacheReply? ParseMultiPop(byte[][] a, int first, out ListPopRequest pop)
    {
        pop = default;
        if (MultiPopArgs.Parse(a, first, "left", "right", out var keys, out var left, out var count) is { } error) return error;
        pop = new ListPopRequest(keys, left, count, null, false, null);
        return null;
    }

    /// <summary>
    /// The pop of <paramref name="key"/> on its shard, waiting until <paramref name="waitUntil"/> (Unix ms; 0: no wait)
    /// in the key's line with <paramref name="ticket"/>.
    /// </summary>
    public ShardCommand PopOnShard(byte[] key, long waitUntil, WaitTicket? ticket = null) => new(CommandId.ListPopOrAwait,
        ["POP"u8.ToArray(), key, Left ? "left"u8.ToArray() : "right"u8.ToArray(), CacheNumbers.ToBytes(Count), CacheNumbers.ToBytes(waitUntil),
            .. ticket is null ? (byte[][])[] : [ticket.Arg]]);

    /// <summary>The move from <paramref name="key"/> to the destination, both on one shard.</summary>
    public ShardCommand MoveOnShard(byte[] key, long waitUntil, WaitTicket? ticket = null) => new(CommandId.ListMoveOrAwait,
        ["LMOVE"u8.ToArray(), key, Destination!, Left ? "left"u8.ToArray() : "right"u8.ToArray(), ToLeft ? "left"u8.ToArray() : "right"u8.ToArray(),
            CacheNumbers.ToBytes(waitUntil), .. ticket is null ? (byte[][])[] : [ticket.Arg]]);

    /// <summary>The push of a popped element onto <paramref name="key"/>, at the left or the right.</summary>
    public static ShardCommand PushOnShard(byte[] key, bool left, byte[] element) =>
        new(left ? CommandId.LPush : CommandId.RPush, [left ? "LPUSH"u8.ToArray() : "RPUSH"u8.ToArray(), key, element]);
}
