using DataTier.Cache;
using DataTier.Cache.Blocking;
using DataTier.Cache.Commands;
using DataTier.Silo.Resp.Clients;

namespace DataTier.Silo.Resp;

/// <summary>
/// LMPOP and the blocking list commands (BLPOP, BRPOP, BLMOVE, BRPOPLPUSH, BLMPOP). Each attempt tries the keys in
/// order on their shards with the command's ticket; a shard puts the ticket in the key's line of waiting clients and
/// lets it take only in its turn (<see cref="KeyWaitLine"/>), so clients are served in the order they blocked. The
/// client then waits until its turn comes on one of its keys (<see cref="KeyWakeups"/>), its timeout passes, or a
/// second goes by (then it tries again anyway, in case a wake-up was lost with a silo, which also keeps its place in
/// line), and tries again. While it waits it watches its connection, and stops without taking anything if the client
/// has gone; when it stops, it leaves the lines it still stands in, so the next in line gets what it did not take.
/// </summary>
public sealed partial class RespSession
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WatchConnectionEvery = TimeSpan.FromMilliseconds(100);

    private static bool IsListPop(CommandId id) => ListPopRequest.IsListPop(id);

    private async Task<CacheReply> RunListPopAsync(CommandSpec spec, byte[][] a)
    {
        if (ListPopRequest.TryParse(spec.Id, a, out var pop) is { } invalid) return invalid;
        return await BlockOnKeysAsync(pop.TimeoutMs, (deadline, ticket) => TryPopAsync(pop, deadline, ticket));
    }

    /// <summary>
    /// A blocking pop's attempts (given the deadline, in Unix ms, to wait until, and its ticket): once and no more
    /// without a timeout; with one, again after each wake-up of its ticket until one answers or the deadline passes (a
    /// nil array, as Redis 7.0 answers every timed-out blocking command, BLMOVE's too).
    /// </summary>
    private async Task<CacheReply> BlockOnKeysAsync(long? timeoutMs, Func<long, WaitTicket?, Task<CacheReply?>> attempt, byte[]? group = null)
    {
        if (timeoutMs is null) return await attempt(0, null) ?? CacheReply.NilArray;
        var deadline = timeoutMs > 0 ? _services.Time.GetUtcNow().ToUnixTimeMilliseconds() + timeoutMs.Value : long.MaxValue;
        var wakeups = _services.KeyWakeups;
        var ticket = new WaitTicket(group);
        try
        {
            while (true)
            {
                var waiter = wakeups.Register(ticket.Id);
                try
                {
                    StartTiming();
                    if (await attempt(deadline, ticket) is { } reply) return reply;
                    if (await WaitAsync(waiter.Task, deadline) is { } stopped) return stopped;
                }
                finally
                {
                    wakeups.Unregister(ticket.Id, waiter);
                }
            }
        }
        finally
        {
            LeaveLines(ticket);
        }
    }

    /// <summary>Takes the ticket out of the lines it still stands in (in the background: the reply need not wait for it).</summary>
    private void LeaveLines(WaitTicket ticket)
    {
        foreach (var key in ticket.InLine)
        {
            byte[][] leave = ticket.Group is { } group ? ["LEAVE"u8.ToArray(), key, ticket.Arg, group] : ["LEAVE"u8.ToArray(), key, ticket.Arg];
            _ = _router.Execute(CacheRouter.ShardOf(key), new ShardCommand(CommandId.LeaveLine, leave));
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

    /// <summary>One pass over the keys: the reply when one gave an element (or an error), null when all were empty or not yet this client's to take.</summary>
    private async Task<CacheReply?> TryPopAsync(ListPopRequest pop, long waitUntil, WaitTicket? ticket)
    {
        var router = _router;
        foreach (var key in pop.Keys)
        {
            if (pop.Destination is { } destination && CacheRouter.ShardOf(key) == CacheRouter.ShardOf(destination))
            {
                var moved = await router.Execute(CacheRouter.ShardOf(key), pop.MoveOnShard(key, waitUntil, ticket));
                ticket?.Answered(key, moved);
                return moved.Kind == ReplyKind.Null ? null : moved;
            }
            var reply = await router.Execute(CacheRouter.ShardOf(key), pop.PopOnShard(key, waitUntil, ticket));
            ticket?.Answered(key, reply);
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
