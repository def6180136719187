using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataTier.Cache.Memory;

/// <summary>
/// Redis' active expiry on this silo: every <see cref="CacheOptions.ActiveExpiryInterval"/>, each
/// local shard with keys that have an expiry gets a sampling sweep that removes expired keys, so
/// keys nobody reads again do not hold memory. (Reads remove expired keys lazily too.)
/// </summary>
public sealed class ActiveExpirySweep(LocalCacheShards shards, TimeProvider time, IOptions<CacheOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ActiveExpiryInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) SweepOnce();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public int SweepOnce()
    {
        var removed = 0;
        foreach (var shard in shards.Snapshot())
        {
            var keyspace = shard.Keyspace;
            if (keyspace.VolatileCount == 0 && !keyspace.KeepsFlushedNames) continue;
            lock (keyspace.Gate)
            {
                if (keyspace.Closed) continue;
                keyspace.Now = time.GetUtcNow().ToUnixTimeMilliseconds();
                removed += keyspace.SweepExpired();
            }
        }
        return removed;
    }
}
