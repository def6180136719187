using DataTier.Cache.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Cache.Snapshots;

/// <summary>
/// SAVE, BGSAVE and LASTSAVE for this silo, and the periodic schedule (<c>Cache:SnapshotInterval</c>,
/// off by default): SAVE writes every shard of the cluster; the schedule has each silo write the
/// shards it hosts. A restarted cluster's shards restore from their latest snapshots when they start.
/// </summary>
public sealed partial class CacheSnapshots(IGrainFactory grains, LocalCacheShards local, IOptions<CacheOptions> options, TimeProvider time, ILogger<CacheSnapshots> logger)
    : BackgroundService
{
    private long _lastSaveSeconds = time.GetUtcNow().ToUnixTimeSeconds();
    private int _saving;

    /// <summary>Unix time of the last save that completed on this silo (start-up time before any).</summary>
    public long LastSave => Interlocked.Read(ref _lastSaveSeconds);

    public bool InProgress => Volatile.Read(ref _saving) != 0;

    /// <summary>Writes every shard; returns the number of keys saved.</summary>
    public async Task<long> SaveAllAsync()
    {
        Interlocked.Increment(ref _saving);
        try
        {
            var saved = await Task.WhenAll(Enumerable.Range(0, CacheSlots.ShardCount).Select(i => grains.GetGrain<ICacheShardGrain>(i).Save()));
            Interlocked.Exchange(ref _lastSaveSeconds, time.GetUtcNow().ToUnixTimeSeconds());
            return saved.Sum();
        }
        finally
        {
            Interlocked.Decrement(ref _saving);
        }
    }

    /// <summary>BGSAVE: starts a full save and returns at once; false when one is already running.</summary>
    public bool StartBackgroundSave()
    {
        if (InProgress) return false;
        _ = Task.Run(async () =>
        {
            try
            {
                await SaveAllAsync();
            }
            catch (Exception e)
            {
                LogSaveFailed(logger, e);
            }
        });
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SnapshotInterval;
        if (interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var shard in local.Snapshot()) await shard.Grain.Save();
                Interlocked.Exchange(ref _lastSaveSeconds, time.GetUtcNow().ToUnixTimeSeconds());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSaveFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the cache snapshot failed")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);
}
