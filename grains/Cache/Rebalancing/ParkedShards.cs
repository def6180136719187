using System.Collections.Concurrent;
using DataTier.Cache.Keyspace;
using Microsoft.Extensions.Logging;

namespace DataTier.Cache.Rebalancing;

/// <summary>
/// Copies of the keys of shards that left this silo by migration, kept until the shard's live
/// activation confirms it received them. Orleans' migration is best effort: the target drops the
/// package without telling the source when it already has an activation of the grain (a request
/// raced ahead and activated it empty) or may not create one, and a failed transfer ends in a plain
/// deactivation. So each migration carries a token; once the old activation is gone, the shard is
/// asked whether it arrived with that token, and if not (it started empty elsewhere), it is given
/// the parked keys, which it takes where it has no newer value.
/// </summary>
public sealed partial class ParkedShards(IGrainFactory grains, ILogger<ParkedShards> logger)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<Guid, Task> _pending = new();

    public int Count => _pending.Count;

    /// <summary>Keeps the keys of a shard that is migrating away and starts confirming their arrival.</summary>
    public void Park(int shard, Guid token, List<EntrySnapshot> entries)
    {
        var started = new TaskCompletionSource();
        _pending[token] = started.Task.ContinueWith(_ => ConfirmAsync(shard, token, entries), TaskScheduler.Default).Unwrap();
        started.SetResult();
    }

    /// <summary>Completes once every parked shard is confirmed (or given up), or when the token is cancelled.</summary>
    public Task WhenConfirmed(CancellationToken cancellationToken) => Task.WhenAll(_pending.Values).WaitAsync(cancellationToken);

    private async Task ConfirmAsync(int shard, Guid token, List<EntrySnapshot> entries)
    {
        var grain = grains.GetGrain<ICacheShardGrain>(shard);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            while (true)
            {
                try
                {
                    // Sent from this silo, the call waits behind the migrating activation and is then forwarded to wherever the shard lives.
                    if (await grain.HasArrived(token)) return;
                    var restored = await grain.Restore(token, entries);
                    LogRestored(logger, shard, restored, entries.Count);
                    return;
                }
                catch (Exception e) when (clock.Elapsed < GiveUpAfter && e is not OutOfMemoryException)
                {
                    await Task.Delay(RetryDelay);
                }
            }
        }
        catch (Exception e)
        {
            LogGaveUp(logger, e, shard, entries.Count);
        }
        finally
        {
            _pending.TryRemove(token, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache shard {Shard} started without the keys it migrated with; restored {Restored} of {Parked} keys from this silo's copy")]
    private static partial void LogRestored(ILogger logger, int shard, int restored, int parked);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cache shard {Shard}: could not confirm the hand-over of its {Parked} keys; they are lost")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, int shard, int parked);
}
