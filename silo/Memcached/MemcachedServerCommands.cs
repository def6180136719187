using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Memcached;

/// <summary>What both protocols' flush_all and stats do: a flush of every shard (now or after a delay) and the stats' names and values.</summary>
public static class MemcachedServerCommands
{
    public const string Version = "1.6.21";

    public static Task FlushAllAsync(CacheRouter router, long delaySeconds)
    {
        // Named, so that each RESP tracking client hears of the flush once (see ShardCommand.Serial).
        var flush = () => router.OnAllShards(new ShardCommand(CommandId.FlushAll, ["FLUSHALL"u8.ToArray(), "items"u8.ToArray()])
            { Origin = "flush_all:" + Guid.NewGuid().ToString("N"), Serial = 1 });
        if (delaySeconds <= 0) return flush();
        _ = Task.Delay(TimeSpan.FromSeconds(delaySeconds)).ContinueWith(_ => flush(), TaskScheduler.Default);
        return Task.CompletedTask;
    }

    /// <summary>Sends what a session wrote, counting it as bytes_written.</summary>
    public static ValueTask<FlushResult> FlushAsync(PipeWriter output, MemcachedStats stats, CancellationToken cancellationToken)
    {
        if (output.CanGetUnflushedBytes) stats.Transferred(0, output.UnflushedBytes);
        return output.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The general statistics, with memcached 1.6's names in its order. The endpoint's counters are this silo's; the
    /// item counts, bytes and evictions are the whole cache's (every silo's endpoint serves every key).
    /// </summary>
    public static async Task<List<(string Name, string Value)>> StatsAsync(CacheRouter router, MemcachedStats stats, TimeProvider time, MemcachedEndpointOptions options)
    {
        var now = time.GetUtcNow();
        var shards = await Task.WhenAll(Enumerable.Range(0, CacheSlots.ShardCount).Select(i => router.Shard(i).GetInfo()));
        using var process = Process.GetCurrentProcess();
        return
        [
            ("pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)),
            ("uptime", ((long)(now - stats.Started).TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            ("time", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ("version", Version),
            ("pointer_size", "64"),
            ("rusage_user", Seconds(process.UserProcessorTime)),
            ("rusage_system", Seconds(process.PrivilegedProcessorTime)),
            ("curr_connections", Read(ref stats.CurrentConnections)),
            ("total_connections", Read(ref stats.TotalConnections)),
            ("cmd_get", Read(ref stats.CmdGet)),
            ("cmd_set", Read(ref stats.CmdSet)),
            ("cmd_flush", Read(ref stats.CmdFlush)),
            ("cmd_touch", Read(ref stats.CmdTouch)),
            ("get_hits", Read(ref stats.GetHits)),
            ("get_misses", Read(ref stats.GetMisses)),
            ("get_expired", shards.Sum(s => s.Counters.GetExpired).ToString(CultureInfo.InvariantCulture)),
            ("get_flushed", shards.Sum(s => s.Counters.GetFlushed).ToString(CultureInfo.InvariantCulture)),
            ("delete_misses", Read(ref stats.DeleteMisses)),
            ("delete_hits", Read(ref stats.DeleteHits)),
            ("incr_misses", Read(ref stats.IncrMisses)),
            ("incr_hits", Read(ref stats.IncrHits)),
            ("decr_misses", Read(ref stats.DecrMisses)),
            ("decr_hits", Read(ref stats.DecrHits)),
            ("cas_misses", Read(ref stats.CasMisses)),
            ("cas_hits", Read(ref stats.CasHits)),
            ("cas_badval", Read(ref stats.CasBadval)),
            ("touch_hits", Read(ref stats.TouchHits)),
            ("touch_misses", Read(ref stats.TouchMisses)),
            ("store_too_large", Read(ref stats.StoreTooLarge)),
            ("auth_cmds", "0"),
            ("auth_errors", "0"),
            ("bytes_read", Read(ref stats.BytesRead)),
            ("bytes_written", Read(ref stats.BytesWritten)),
            ("limit_maxbytes", MaxBytes(stats).ToString(CultureInfo.InvariantCulture)),
            ("threads", ThreadPool.ThreadCount.ToString(CultureInfo.InvariantCulture)),
            ("bytes", shards.Sum(s => s.UsedBytes).ToString(CultureInfo.InvariantCulture)),
            ("curr_items", shards.Sum(s => s.Keys).ToString(CultureInfo.InvariantCulture)),
            ("total_items", Read(ref stats.TotalItems)),
            ("evictions", shards.Sum(s => s.Counters.EvictedKeys).ToString(CultureInfo.InvariantCulture)),
        ];
    }

    /// <summary><c>stats settings</c>: the settings memcached reports that this endpoint has, with their values here.</summary>
    public static List<(string Name, string Value)> Settings(MemcachedStats stats, MemcachedEndpointOptions options) =>
    [
        ("maxbytes", MaxBytes(stats).ToString(CultureInfo.InvariantCulture)),
        ("tcpport", options.Port.ToString(CultureInfo.InvariantCulture)),
        ("udpport", "0"),
        ("inter", options.Address),
        ("evictions", stats.Budget.Policy == DataTier.Cache.EvictionPolicy.NoEviction ? "off" : "on"),
        ("cas_enabled", "yes"),
        ("num_threads", ThreadPool.ThreadCount.ToString(CultureInfo.InvariantCulture)),
        ("binding_protocol", "auto-negotiate"),
        ("auth_enabled_sasl", "no"),
        ("auth_enabled_ascii", "no"),
        ("item_size_max", options.MaxValueBytes.ToString(CultureInfo.InvariantCulture)),
        ("flush_enabled", "yes"),
    ];

    /// <summary>This silo's maxmemory, or without one the memory the runtime may use (memcached always has a limit).</summary>
    private static long MaxBytes(MemcachedStats stats) =>
        stats.Budget.MaxMemory > 0 ? stats.Budget.MaxMemory : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    private static string Read(ref long counter) => Interlocked.Read(ref counter).ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000000", CultureInfo.InvariantCulture);
}
