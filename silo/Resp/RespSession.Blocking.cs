using DataTier.Cache;
using DataTier.Cache.Blocking;
using DataTier.Cache.Commands;
using DataTier.Silo.Resp.Clients;

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

    private static bool IsListPop(CommandId id) => ListPopRequest.IsListPop(id);

    private async Task<CacheReply> RunListPopAsync(CommandSpec spec, byte[][] a)
    {
        if (ListPopRequest.TryParse(spec.Id, a, out var pop) is { } invalid) return invalid;
        return await BlockOnKeysAsync(pop.Keys, pop.TimeoutMs, deadline => TryPopAsync(pop, deadline));
    }

    /// <summary>
    /// A blocking command's attempts (given the deadline, in Unix ms, to wait until): once and no more without a
    /// timeout; with one, again after each wake-up on its keys until one answers or the deadline passes (a nil array,
    /// as Redis 7.0 answers every timed-out blocking command, BLMOVE's too).
    /// </summary>
    private async Task<CacheReply> BlockOnKeysAsync(byte[][] keys, long? timeoutMs, Func<long, Task<CacheReply?>> attempt)
    {
        if (timeoutMs is null) return await attempt(0) ?? CacheReply.NilArray;
        var deadline = timeoutMs > 0 ? _services.Time.GetUtcNow().ToUnixTimeMilliseconds() + timeoutMs.Value : long.MaxValue;
        var wakeups = _services.KeyWakeups;
        while (true)
        {
            var waiter = wakeups.Register(keys);
            try
            {
                if (await attempt(deadline) is { } reply) return reply;
                if (await WaitAsync(waiter.Task, deadline) is { } stopped) return stopped;
            }
            finally
            {
                wakeups.Unregister(keys, waiter);
            }
        }
    }

    /// <summary>
    /// Waits for a wake-up, the deadline or the retry interval: null to try again, or the blocking command's reply when
    /// it stops waiting (the deadline has passed, the client has gone, or CLIENT UNBLOCK ended the wait).
    /// </summary>
    private async Task<CacheReply?> WaitAsync(Task woken, long deadline)
    {
        var retryAt = _services.Time.GetUtcNow() + RetryEvery;
        var unblocked = new TaskCompletionSource<UnblockReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        _unblock = unblocked;
        try
        {
            while (true)
            {
                var now = _services.Time.GetUtcNow();
                if (unblocked.Task.IsCompleted) return unblocked.Task.Result == UnblockReason.Error ? UnblockedByClient : CacheReply.NilArray;
                if (now.ToUnixTimeMilliseconds() >= deadline || ClientHasGone()) return CacheReply.NilArray;
                if (woken.IsCompleted || now >= retryAt) return null;
                var left = TimeSpan.FromMilliseconds(Math.Min(deadline - now.ToUnixTimeMilliseconds(), WatchConnectionEvery.TotalMilliseconds));
                await Task.WhenAny(woken, unblocked.Task, Task.Delay(left, _services.Time, _stopping));
                _stopping.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            _unblock = null;
        }
    }

    private static readonly CacheReply UnblockedByClient = CacheReply.Error("UNBLOCKED client unblocked via CLIENT UNBLOCK");

    /// <summary>Whether the client closed its connection: its input has ended (commands it sent meanwhile stay unread).</summary>
    private bool ClientHasGone()
    {
        if (!_input.TryRead(out var result)) return false;
        _input.AdvanceTo(result.Buffer.Start);
        return result.IsCompleted || result.IsCanceled;
    }

    /// <summary>One pass over the keys: the reply when one gave an element (or an error), null when all were empty.</summary>
    private async Task<CacheReply?> TryPopAsync(ListPopRequest pop, long waitUntil)
    {
        var router = _router;
        foreach (var key in pop.Keys)
        {
            if (pop.Destination is { } destination && CacheRouter.ShardOf(key) == CacheRouter.ShardOf(destination))
            {
                var moved = await router.Execute(CacheRouter.ShardOf(key), pop.MoveOnShard(key, waitUntil));
                return moved.Kind == ReplyKind.Null ? null : moved;
            }
            var reply = await router.Execute(CacheRouter.ShardOf(key), pop.PopOnShard(key, waitUntil));
            if (reply.IsError) return reply;
            if (reply.Kind == ReplyKind.Null) continue;
            if (pop.Destination is { } target)
            {
                var pushed = await router.Execute(CacheRouter.ShardOf(target), ListPopRequest.PushOnShard(target, pop.ToLeft, reply.Bytes!));
                if (!pushed.IsError) return reply;
                // The destination is not a list (WRONGTYPE): the element goes back where it was, as if never moved.
                await router.Execute(CacheRouter.ShardOf(key), ListPopRequest.PushOnShard(key, pop.Left, reply.Bytes!));
                return pushed;
            }
            return CacheReply.Array([CacheReply.Bulk(key), reply]);
        }
        return null;
    }
}
