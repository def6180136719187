using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Silo.Resp;

namespace DataTier.Silo.Memcached;

/// <summary>
/// The queue of one read's commands: shard commands grouped by shard (one batch each, so nothing else
/// runs on a shard between a pipeline's commands there) and the replies' steps in command order.
/// </summary>
public sealed partial class MemcachedSession
{
    private readonly PendingShardCommands _queue = new();
    private readonly List<ReplyStep> _steps = [];
    private object?[] _outcomes = new object?[16];
    private int _slots;

    /// <summary>One reply in its turn: a queued command's reply (its slot) written by <c>Finish</c>, or text known at once.</summary>
    private readonly record struct ReplyStep(int Slot, Action<CacheReply>? Finish, string? Text);

    /// <summary>Queues a command whose arguments are text; its key is <c>args[1]</c>.</summary>
    private void Queue(CommandId id, string[] args, Action<CacheReply> finish)
    {
        var bytes = new byte[args.Length][];
        for (var i = 0; i < args.Length; i++) bytes[i] = Encoding.UTF8.GetBytes(args[i]);
        Queue(bytes[1], new ShardCommand(id, bytes), finish);
    }

    private void Queue(byte[] key, ShardCommand command, Action<CacheReply> finish)
    {
        _queue.Add(CacheRouter.ShardOf(key), command, _slots);
        _steps.Add(new ReplyStep(_slots++, finish, null));
    }

    /// <summary>Text for the client, written after the replies of the commands queued before it.</summary>
    private void Write(string text) => _steps.Add(new ReplyStep(-1, null, text));

    /// <summary>Runs what is queued (each shard one batch, shards in parallel) and writes every reply in order; counters move here.</summary>
    private async ValueTask DrainAsync()
    {
        if (_steps.Count == 0) return;
        if (_outcomes.Length < _slots) _outcomes = new object?[Math.Max(_slots, _outcomes.Length * 2)];
        await _queue.FlushAsync(router, _outcomes);
        foreach (var step in _steps)
        {
            if (step.Finish is null) WriteNow(step.Text!);
            else step.Finish((CacheReply)_outcomes[step.Slot]!);
        }
        Array.Clear(_outcomes, 0, _slots);
        _steps.Clear();
        _slots = 0;
    }
}
