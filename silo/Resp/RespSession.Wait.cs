using DataTier.Cache;

namespace DataTier.Silo.Resp;

/// <summary>
/// WAIT numreplicas timeout: blocks until the changes of every command this client sent before it are acknowledged by
/// at least numreplicas replicas of each shard they changed, or the timeout (ms, 0 for ever) passes, and answers how
/// many did: on each shard, the replicas that acknowledged the sequence number that covered the client's last change
/// there, and the fewest over those shards. A client that changed nothing answers the replicas each shard has, as Redis
/// answers its connected replicas. Each shard answers when its replicas' acknowledgements come (a call that waits on
/// them, renewed every second so a shard that moves is followed). Inside MULTI it answers at once, as in Redis.
/// </summary>
public sealed partial class RespSession
{
    /// <summary>How long one call to a shard waits for acknowledgements before the session calls again.</summary>
    private static readonly TimeSpan ShardWaitSlice = TimeSpan.FromSeconds(1);

    /// <summary>How much longer than its wait a shard may take to answer before it counts as unreachable for now.</summary>
    private static readonly TimeSpan ShardAnswerGrace = TimeSpan.FromSeconds(2);

    /// <summary>How long the shards get, once the timeout has passed, to report their counts at that moment.</summary>
    private static readonly TimeSpan FinalCountGrace = TimeSpan.FromMilliseconds(200);

    private static readonly Task Never = new TaskCompletionSource().Task;

    private static CacheReply? ParseWait(byte[][] a, out int needed, out long timeoutMs)
    {
        needed = 0;
        timeoutMs = 0;
        if (!CacheNumbers.TryParseLong(a[1], out var replicas)) return CacheErrors.NotInteger;
        if (!CacheNumbers.TryParseLong(a[2], out timeoutMs)) return CacheReply.Error("ERR timeout is not an integer or out of range");
        if (timeoutMs < 0) return CacheReply.Error("ERR timeout is negative");
        needed = (int)Math.Clamp(replicas, int.MinValue, int.MaxValue);
        return null;
    }

    private long NowMs() => _services.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<CacheReply> WaitForReplicasAsync(byte[][] a)
    {
        if (ParseWait(a, out var needed, out var timeoutMs) is { } invalid) return invalid;
        var now = NowMs();
        var deadline = timeoutMs == 0 || timeoutMs > long.MaxValue - now ? long.MaxValue : now + timeoutMs;
        var written = _written?.Snapshot() ?? [];
        if (written.Length == 0) return await WaitWithoutWritesAsync(needed, deadline);
        var counts = new int[written.Length];
        using var giveUp = new CancellationTokenSource();
        var all = Task.WhenAll(written.Select((w, i) => AwaitShardAsync(w.Key, w.Value, needed, deadline, counts, i, giveUp.Token)));
        try
        {
            while (!all.IsCompleted)
            {
                if (await WaitAsync(all, deadline) is not { } stopped) continue;
                if (stopped.IsError) return stopped;
                // The shards' calls end at the deadline too, each with its count then.
                if (NowMs() >= deadline) await Task.WhenAny(all, Task.Delay(FinalCountGrace, _services.Time));
                if (all.IsCompleted) break;
                // CLIENT UNBLOCK (or the client has gone): the counts now, as Redis counts at that moment.
                return CacheReply.Int(await AcknowledgedNowAsync(written));
            }
        }
        finally
        {
            await giveUp.CancelAsync();
        }
        return CacheReply.Int(counts.Min());
    }

    /// <summary>Nothing to wait for: the replicas each shard has, once there are enough of them or the timeout passes.</summary>
    private async Task<CacheReply> WaitWithoutWritesAsync(int needed, long deadline)
    {
        while (true)
        {
            var replicas = _services.ReplicaReads.Replicas;
            if (replicas >= needed) return CacheReply.Int(replicas);
            if (await WaitAsync(Never, deadline) is { } stopped) return stopped.IsError ? stopped : CacheReply.Int(_services.ReplicaReads.Replicas);
        }
    }

    /// <summary>WAIT queued in a transaction: the replicas that have acknowledged the client's changes by now, without waiting.</summary>
    private async Task<CacheReply> WaitInTransactionAsync(byte[][] a)
    {
        if (ParseWait(a, out _, out _) is { } invalid) return invalid;
        var written = _written?.Snapshot() ?? [];
        return CacheReply.Int(written.Length == 0 ? _services.ReplicaReads.Replicas : await AcknowledgedNowAsync(written));
    }

    /// <summary>The fewest replicas that have acknowledged the client's changes on any of its shards, asked now without waiting.</summary>
    private async Task<int> AcknowledgedNowAsync(KeyValuePair<int, long>[] written)
    {
        var counts = new int[written.Length];
        await Task.WhenAll(written.Select((w, i) => AwaitShardAsync(w.Key, w.Value, int.MaxValue, NowMs(), counts, i, CancellationToken.None)));
        return counts.Min();
    }

    /// <summary>
    /// One shard's part: calls it until <paramref name="needed"/> replicas have acknowledged <paramref name="seq"/> or
    /// the deadline passes (once at least), leaving the last count heard in <paramref name="counts"/>. A shard that
    /// cannot be reached for now (its silo is leaving, or died and its shard is not yet promoted) counts none.
    /// </summary>
    private async Task AwaitShardAsync(int shard, long seq, int needed, long deadline, int[] counts, int index, CancellationToken giveUp)
    {
        while (!giveUp.IsCancellationRequested)
        {
            var left = deadline - NowMs();
            var slice = TimeSpan.FromMilliseconds(Math.Clamp(left, 0, (long)ShardWaitSlice.TotalMilliseconds));
            int count;
            try
            {
                count = await _router.Shard(shard).AwaitReplicas(seq, needed, slice).WaitAsync(slice + ShardAnswerGrace, _services.Time);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                count = 0;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100, Math.Max(0, deadline - NowMs()))), _services.Time, giveUp)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            counts[index] = count;
            if (count >= needed || NowMs() >= deadline) return;
        }
    }
}
