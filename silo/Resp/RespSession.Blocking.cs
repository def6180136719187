using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Resp;

/// <summary>
/// LMPOP and the blocking list commands (BLPOP, BRPOP, BLMOVE, BRPOPLPUSH, BLMPOP). Each attempt tries the keys in
/// order on their shards; a shard that finds a key's list empty remembers that a client waits on it. The client then
/// waits until a push onto one of its keys wakes this silo's waiters (<see cref="Cache.Blocking.KeyWakeups"/>), its
/// timeout passes, or a second goes by (then it tries again anyway, in case a wake-up was lost with a silo), and tries
/// again: another client may have taken the element first. While it waits it watches its connection, and stops
/// without taking anything if the client has gone.
/// </summary>
public sealed partial class RespSession
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WatchConnectionEvery = TimeSpan.FromMilliseconds(100);

    private static bool IsListPop(CommandId id) => id is CommandId.LMPop or CommandId.BLPop or CommandId.BRPop
        or CommandId.BLMove or CommandId.BRPopLPush or CommandId.BLMPop;

    /// <summary>One parsed LMPOP-like request: the keys in order, the end to pop from, how many (0: one element, not an array).</summary>
    private readonly record struct ListPop(byte[][] Keys, bool Left, long Count, byte[]? Destination, bool ToLeft);

    private async Task<CacheReply> RunListPopAsync(CommandSpec spec, byte[][] a)
    {
        long? timeoutMs = null;
        ListPop pop;
        switch (spec.Id)
        {
            case CommandId.BLPop or CommandId.BRPop:
                if (ParseTimeout(a[^1], out var t) is { } badTimeout) return badTimeout;
                timeoutMs = t;
                pop = new ListPop(a[1..^1], spec.Id == CommandId.BLPop, 0, null, false);
                break;
            case CommandId.BLMove or CommandId.BRPopLPush:
                if (ListCommands.ParseMove(spec.Id == CommandId.BLMove ? a[..5] : a[..3], out var fromLeft, out var toLeft) is { } syntax) return syntax;
                if (ParseTimeout(a[^1], out t) is { } invalid) return invalid;
                timeoutMs = t;
                pop = new ListPop([a[1]], fromLeft, 0, a[2], toLeft);
                break;
            default:
                var blocking = spec.Id == CommandId.BLMPop;
                if (blocking)
                {
                    if (ParseTimeout(a[1], out t) is { } badBlockTimeout) return badBlockTimeout;
                    timeoutMs = t;
                }
                if (ParseMultiPop(a, blocking ? 2 : 1, out pop) is { } error) return error;
                break;
        }
        var deadline = timeoutMs is { } ms && ms > 0 ? _services.Time.GetUtcNow().ToUnixTimeMilliseconds() + ms : long.MaxValue;
        if (timeoutMs is null) return await TryPopAsync(pop, 0) ?? CacheReply.NilArray;
        var wakeups = _services.KeyWakeups;
        while (true)
        {
            var waiter = wakeups.Register(pop.Keys);
            try
            {
                if (await TryPopAsync(pop, deadline) is { } reply) return reply;
                // Redis 7.0 answers a timed-out BLMOVE with a nil array too.
                if (!await WaitAsync(waiter.Task, deadline)) return CacheReply.NilArray;
            }
            finally
            {
                wakeups.Unregister(pop.Keys, waiter);
            }
        }
    }

    /// <summary>Waits for a wake-up, the deadline or the retry interval; false when the deadline has passed or the client has gone.</summary>
    private async Task<bool> WaitAsync(Task woken, long deadline)
    {
        var retryAt = _services.Time.GetUtcNow() + RetryEvery;
        while (true)
        {
            var now = _services.Time.GetUtcNow();
            if (now.ToUnixTimeMilliseconds() >= deadline || ClientHasGone()) return false;
            if (woken.IsCompleted || now >= retryAt) return true;
            var left = TimeSpan.FromMilliseconds(Math.Min(deadline - now.ToUnixTimeMilliseconds(), WatchConnectionEvery.TotalMilliseconds));
            await Task.WhenAny(woken, Task.Delay(left, _services.Time, _stopping));
            _stopping.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Whether the client closed its connection: its input has ended (commands it sent meanwhile stay unread).</summary>
    private bool ClientHasGone()
    {
        if (!_input.TryRead(out var result)) return false;
        _input.AdvanceTo(result.Buffer.Start);
        return result.IsCompleted || result.IsCanceled;
    }

    /// <summary>One pass over the keys: the reply when one gave an element (or an error), null when all were empty.</summary>
    private async Task<CacheReply?> TryPopAsync(ListPop pop, long waitUntil)
    {
        var router = _services.Router;
        var until = CacheNumbers.ToBytes(waitUntil);
        var end = pop.Left ? "left"u8.ToArray() : "right"u8.ToArray();
        foreach (var key in pop.Keys)
        {
            if (pop.Destination is { } destination)
            {
                if (CacheRouter.ShardOf(key) == CacheRouter.ShardOf(destination))
                {
                    var moved = await router.Execute(CacheRouter.ShardOf(key), new ShardCommand(CommandId.ListMoveOrAwait,
                        ["LMOVE"u8.ToArray(), key, destination, end, pop.ToLeft ? "left"u8.ToArray() : "right"u8.ToArray(), until]));
                    return moved.Kind == ReplyKind.Null ? null : moved;
                }
            }
            var reply = await router.Execute(CacheRouter.ShardOf(key), new ShardCommand(CommandId.ListPopOrAwait,
                ["POP"u8.ToArray(), key, end, CacheNumbers.ToBytes(pop.Count), until]));
            if (reply.IsError) return reply;
            if (reply.Kind == ReplyKind.Null) continue;
            if (pop.Destination is { } target)
            {
                var pushed = await router.Execute(CacheRouter.ShardOf(target), new ShardCommand(pop.ToLeft ? CommandId.LPush : CommandId.RPush,
                    [pop.ToLeft ? "LPUSH"u8.ToArray() : "RPUSH"u8.ToArray(), target, reply.Bytes!]));
                if (!pushed.IsError) return reply;
                // The destination is not a list (WRONGTYPE): the element goes back where it was, as if never moved.
                await router.Execute(CacheRouter.ShardOf(key), new ShardCommand(pop.Left ? CommandId.LPush : CommandId.RPush,
                    [pop.Left ? "LPUSH"u8.ToArray() : "RPUSH"u8.ToArray(), key, reply.Bytes!]));
                return pushed;
            }
            return CacheReply.Array([CacheReply.Bulk(key), reply]);
        }
        return null;
    }

    /// <summary>LMPOP's and BLMPOP's numkeys key [key ...] LEFT|RIGHT [COUNT count], from argument <paramref name="first"/>.</summary>
    private static CacheReply? ParseMultiPop(byte[][] a, int first, out ListPop pop)
    {
        pop = default;
        if (!CacheNumbers.TryParseLong(a[first], out var numKeys) || numKeys <= 0) return CacheReply.Error("ERR numkeys should be greater than 0");
        var whereIndex = first + numKeys + 1;
        if (whereIndex >= a.Length) return CacheErrors.Syntax;
        bool left;
        if (Arg.Is(a[whereIndex], "left")) left = true;
        else if (Arg.Is(a[whereIndex], "right")) left = false;
        else return CacheErrors.Syntax;
        long count = -1;
        for (var j = whereIndex + 1; j < a.Length; j++)
        {
            if (count == -1 && Arg.Is(a[j], "count") && j + 1 < a.Length)
            {
                if (!CacheNumbers.TryParseLong(a[++j], out count) || count <= 0) return CacheReply.Error("ERR count should be greater than 0");
            }
            else
            {
                return CacheErrors.Syntax;
            }
        }
        pop = new ListPop(a[(first + 1)..(int)whereIndex], left, count == -1 ? 1 : count, null, false);
        return null;
    }

    /// <summary>A blocking command's timeout in seconds (fractions allowed), as milliseconds; 0 waits for ever.</summary>
    private static CacheReply? ParseTimeout(byte[] arg, out long milliseconds)
    {
        milliseconds = 0;
        if (!CacheNumbers.TryParseDouble(arg, out var seconds) || double.IsNaN(seconds) || double.IsInfinity(seconds))
            return CacheReply.Error("ERR timeout is not a float or out of range");
        if (seconds < 0) return CacheReply.Error("ERR timeout is negative");
        var ms = seconds * 1000;
        if (ms > long.MaxValue / 2) return CacheReply.Error("ERR timeout is out of range");
        milliseconds = (long)ms;
        if (milliseconds == 0 && seconds > 0) milliseconds = 1;
        return null;
    }
}
